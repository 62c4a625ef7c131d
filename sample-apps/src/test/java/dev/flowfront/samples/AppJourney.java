package dev.flowfront.samples;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import dev.flowfront.preview.browser.CheckedPage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * Shared steps of the sample app journeys: a fresh checked page per test, and stage and button
 * locators. After each test it checks that the page logged no CSP violation, console error or
 * uncaught error, and that it sent no request off this machine.
 */
abstract class AppJourney {

    protected CheckedPage checked;
    protected Page page;
    private final List<String> requestUrls = new CopyOnWriteArrayList<>();

    /** Returns the site that the test class started. */
    abstract SampleSite site();

    @BeforeAll
    static void waitLongerOnBusyMachines() {
        PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
    }

    /** Returns the IANA time zone the browser's clock runs in. */
    String timezoneId() {
        return "UTC";
    }

    @BeforeEach
    void openPage() {
        site().server().faults().reset();
        checked = site().open(timezoneId());
        page = checked.page();
        page.onRequest(request -> requestUrls.add(request.url()));
    }

    @AfterEach
    void checkPage() {
        try {
            checked.assertNoProblems();
            org.assertj.core.api.Assertions.assertThat(offMachineRequests())
                    .as("requests to hosts other than 127.0.0.1")
                    .isEmpty();
        } finally {
            checked.close();
        }
    }

    /** Returns the URLs the page requested from any host but the preview server's. */
    protected List<String> offMachineRequests() {
        List<String> outside = new ArrayList<>();
        for (String url : requestUrls) {
            if (!url.startsWith("http://127.0.0.1:")
                    && !url.startsWith("blob:")
                    && !url.startsWith("data:")) {
                outside.add(url);
            }
        }
        return outside;
    }

    protected Locator stage(String name) {
        return page.locator("section[data-ff-stage=\"" + name + "\"]");
    }

    protected Locator button(String name) {
        return page.getByRole(
                AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    /** Returns the value shown for an input or output in a stage's Inputs or Outputs block. */
    protected Locator shownValue(String stage, String block, String id) {
        return stage(stage)
                .locator("[data-ff-block=" + block + "] [data-ff-value-for=\"" + id + "\"]");
    }
}
