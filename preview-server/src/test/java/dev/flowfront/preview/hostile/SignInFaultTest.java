package dev.flowfront.preview.hostile;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dev.flowfront.generator.api.AuthMode;
import dev.flowfront.preview.Auth;
import dev.flowfront.preview.PreviewServer;
import dev.flowfront.preview.browser.CheckedPage;
import dev.flowfront.preview.browser.Chromium;
import dev.flowfront.preview.simulator.Route;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A page compiled for basic auth against a simulator that enforces it: a 401 in the middle of an
 * execution shows the sign-in form again, and after it the page goes on to the final state.
 */
class SignInFaultTest {

    private static final String USER = "ada";
    private static final String PASSWORD = "s3cret-Pa55-91c2";

    @TempDir static Path work;

    private static PreviewServer server;
    private static Chromium browser;

    @BeforeAll
    static void start() throws IOException {
        Path site = FaultSite.build(work, AuthMode.BASIC);
        server =
                PreviewServer.builder()
                        .site(site)
                        .flows(work.resolve("flows"))
                        .auth(Auth.basic(USER, PASSWORD))
                        .port(0)
                        .speed(4)
                        .start();
        browser = Chromium.launch();
    }

    @AfterAll
    static void stop() {
        browser.close();
        server.close();
    }

    private static void signIn(Page page) {
        Locator form = page.locator("form[data-ff-signin]");
        assertThat(form).isVisible();
        page.locator("#ff-signin-user").fill(USER);
        page.locator("#ff-signin-password").fill(PASSWORD);
        form.locator("button[type=submit]").click();
        assertThat(form).isHidden();
    }

    @Test
    void unauthorizedMidRunAsksToSignInAgain() {
        int before = server.simulator().executionIds().size();
        try (CheckedPage tab = browser.open()) {
            tab.allowConsoleError("Failed to load resource");
            Page page = tab.page();
            page.navigate(server.url().resolve("apps/faults/order/index.html").toString());
            page.locator("[name=customer]").fill("Ada Lovelace");
            page.locator("[name=quantity]").fill("3");
            server.faults().statuses(Route.FOLLOW_EXECUTION, 401);

            page.locator("[data-ff-action=create]").click();
            signIn(page);
            signIn(page);

            Locator success = page.locator("section[data-ff-stage=SUCCESS]");
            assertThat(success).isVisible();
            assertThat(success.locator("[data-ff-value-for=customer]")).hasText("Ada Lovelace");
            assertThat(success.locator("[data-ff-value-for=quantity]")).hasText("3");
            tab.assertNoProblems();
        }

        System.out.println("Network faults: 1 injected (a 401 in the middle of a run), survived");
        assertThat(server.simulator().executionIds()).hasSize(before + 1);
        assertThat(server.faults().requestCount(Route.FOLLOW_EXECUTION)).isGreaterThanOrEqualTo(2);
    }
}
