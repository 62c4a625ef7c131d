package dev.flowfront.samples;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Request;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The public feedback app: after the form is sent, CREATED thanks the user and counts down to a
 * redirect to kestra.io, which the user stops. The page must never leave this machine.
 */
class FeedbackTest extends AppJourney {

    private static final Pattern CREATE_URL =
            Pattern.compile("/executions/company\\.marketing/product_feedback(\\?|$)");

    private static SampleSite site;

    @BeforeAll
    static void start() {
        // Each task lasts 5 s: CREATED lasts one task, long enough to check it and stop the
        // countdown before the execution moves on.
        site = SampleSite.start(0.04);
    }

    @AfterAll
    static void stop() {
        if (site != null) {
            site.close();
        }
    }

    @Override
    SampleSite site() {
        return site;
    }

    @Test
    void thanksAndStoppedRedirectStayOnPage() {
        List<Request> creates = new CopyOnWriteArrayList<>();
        page.onRequest(
                request -> {
                    if (request.method().equals("POST")
                            && CREATE_URL.matcher(request.url()).find()) {
                        creates.add(request);
                    }
                });
        page.navigate(site.pageUrl("company.marketing", "feedback"));
        assertThat(stage("OPEN")).isVisible();
        page.getByLabel("E-mail address").fill("ana@example.com");
        assertThat(stage("OPEN")).containsText("Thank you, ana@example.com!");
        page.getByLabel("Send me the monthly newsletter").check();
        checked.assertAccessible("OPEN");

        button("Send feedback").click();
        assertThat(stage("CREATED")).isVisible();
        assertThat(stage("CREATED")).containsText("Thank you!");
        Locator redirect = stage("CREATED").locator("[data-ff-block=RedirectTo]");
        assertThat(redirect)
                .containsText(Pattern.compile("Opening https://kestra\\.io/ in \\d+ seconds"));
        checked.assertAccessible("CREATED");
        button("Stay on this page").click();
        assertThat(redirect).containsText("Redirect stopped.");

        // The app has no layout for the end and no FALLBACK, so the built-in status follows.
        assertThat(stage("STATUS")).isVisible();
        assertThat(stage("STATUS")).containsText("Your request completed successfully.");
        checked.assertAccessible("STATUS");
        assertThat(page).hasURL(Pattern.compile("^http://127\\.0\\.0\\.1:\\d+/"));
        assertThat(offMachineRequests()).isEmpty();
        assertThat(creates).hasSize(1);
        String body = new String(creates.get(0).postDataBuffer(), StandardCharsets.UTF_8);
        assertThat(body).contains("name=\"email\"\r\n\r\nana@example.com\r\n");
        assertThat(body).contains("name=\"consent\"\r\n\r\ntrue\r\n");
    }
}
