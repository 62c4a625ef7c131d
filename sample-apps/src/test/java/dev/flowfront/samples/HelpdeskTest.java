package dev.flowfront.samples;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import dev.flowfront.preview.simulator.Route;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The helpdesk app: a ticket with a severity and an attached file. */
class HelpdeskTest extends AppJourney {

    private static SampleSite site;

    @BeforeAll
    static void start() {
        // Each task lasts 2 s, so FALLBACK (shown while the ticket is opened) stays on screen
        // while axe-core checks it.
        site = SampleSite.start(0.1);
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

    private void fillTicket(String fileName) {
        page.navigate(site.pageUrl("company.it", "helpdesk"));
        assertThat(stage("OPEN")).isVisible();
        page.getByLabel("Summary").fill("Laptop screen flickers");
        page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("High")).check();
        page.getByLabel("What happened?").fill("Since this morning, every few seconds.");
        page.getByLabel("Your e-mail address").fill("ana@example.com");
        page.getByLabel("Screenshot or log file")
                .setInputFiles(
                        new FilePayload(
                                fileName,
                                "text/plain",
                                "display: flicker at 60 Hz\n".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void ticketWithAttachmentOpens() {
        fillTicket("screen.log");
        checked.assertAccessible("OPEN");

        button("Open ticket").click();
        assertThat(stage("FALLBACK")).isVisible();
        assertThat(stage("FALLBACK")).containsText("Your ticket is being opened.");
        checked.assertAccessible("FALLBACK");

        assertThat(stage("SUCCESS")).isVisible();
        String id = page.url().replaceAll("^.*[?&]execution=([^&]+).*$", "$1");
        assertThat(stage("SUCCESS").getByRole(AriaRole.STATUS))
                .containsText("Ticket IT-" + id + " is open.");
        assertThat(shownValue("SUCCESS", "Outputs", "ticket")).hasText("IT-" + id);
        assertThat(shownValue("SUCCESS", "Inputs", "severity")).hasText("High");
        assertThat(shownValue("SUCCESS", "Inputs", "summary")).hasText("Laptop screen flickers");
        assertThat(shownValue("SUCCESS", "Inputs", "attachment"))
                .containsText(Pattern.compile("screen\\.log"));
        checked.assertAccessible("SUCCESS");
    }

    @Test
    void disallowedExtensionIsRejectedAtField() {
        checked.allowConsoleError("status of 422");
        checked.allowConsoleError("Flowfront: creating the execution failed");
        fillTicket("setup.exe");

        button("Open ticket").click();

        Locator error = stage("OPEN").locator("[data-ff-error-for=attachment]");
        assertThat(error).isVisible();
        assertThat(error).containsText("File type not allowed");
        assertThat(page.getByLabel("Summary")).hasValue("Laptop screen flickers");
        assertThat(stage("OPEN")).isVisible();
        checked.assertAccessible("OPEN with a field error");
        assertThat(site.server().faults().requestCount(Route.CREATE_EXECUTION)).isEqualTo(1);
        assertThat(page.url()).doesNotContain("execution=");
    }
}
