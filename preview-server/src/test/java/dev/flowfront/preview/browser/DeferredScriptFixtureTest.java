package dev.flowfront.preview.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The hand-over between the page script and the deferred script. The page script loads the deferred
 * script once the OPEN stage is shown, and the deferred script sends the form to Kestra. The cases:
 * a submit before it arrives, a load that fails, and the performance marks of the stages shown.
 */
class DeferredScriptFixtureTest {

    private static final String DEFERRED_SCRIPT = "**/assets/flowfront-deferred.js";

    private static Chromium chromium;

    private FixtureServer server;
    private FakeKestra kestra;
    private CheckedPage checked;
    private Page page;

    @BeforeAll
    static void launch() {
        chromium = Chromium.launch();
    }

    @AfterAll
    static void shutDown() {
        chromium.close();
    }

    @BeforeEach
    void openBrowser() {
        server = FixtureServer.start("approval-fixture.html");
        kestra = new FakeKestra("company.team", "request_resources");
        checked = chromium.open();
        kestra.install(checked.context());
        page = checked.page();
    }

    @AfterEach
    void checkPage() {
        try {
            checked.assertNoProblems();
        } finally {
            checked.close();
            server.close();
        }
    }

    private Locator stage(String name) {
        return page.locator("section[data-ff-stage=\"" + name + "\"]");
    }

    private Locator submitButton() {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit"));
    }

    private void fillRequest() {
        page.navigate(server.pageUrl());
        assertThat(stage("OPEN")).isVisible();
        page.getByLabel("Resource Type").selectOption("Cloud VM");
        page.getByLabel("Cloud Provider").selectOption("AWS");
        page.getByLabel("Deadline for the resources").fill("2026-03-01");
        page.getByLabel("Provide details about the resources you need").fill("Two VMs for testing");
    }

    @Test
    void submitBeforeDeferredScriptSendsOnce() {
        CountDownLatch gate = server.holdDeferredScript();
        fillRequest();

        submitButton().dblclick();
        // The page script sends the form itself, then waits for the deferred script to follow
        // the execution, with the lock still held.
        page.waitForCondition(() -> kestra.createCalls() == 1);
        assertThat(submitButton()).hasAttribute("aria-busy", "true");
        assertThat(stage("OPEN")).isVisible();
        gate.countDown();

        assertThat(stage("CREATED")).isVisible();
        assertThat(kestra.createCalls()).isEqualTo(1);
    }

    @Test
    void failedDeferredScriptShowsErrorThenTheExecution() {
        checked.allowConsoleError("flowfront-deferred\\.js");
        checked.allowConsoleError("Failed to load resource");
        AtomicInteger loads = new AtomicInteger();
        // The load after the first render and the one the submit starts both fail.
        checked.context()
                .route(
                        DEFERRED_SCRIPT,
                        route -> {
                            if (loads.incrementAndGet() <= 2) {
                                route.abort();
                            } else {
                                route.resume();
                            }
                        });
        fillRequest();

        submitButton().click();
        assertThat(stage("ERROR")).isVisible();
        assertThat(stage("ERROR").locator("[data-ff-error-message]"))
                .hasText("Part of this page did not load. Check your connection, then try again.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Try again")).click();

        // Kestra created the execution before the script failed, so "Try again" shows it rather
        // than the form, which would send it a second time.
        assertThat(stage("CREATED")).isVisible();
        assertThat(loads.get()).isEqualTo(3);
        assertThat(kestra.createCalls()).isEqualTo(1);
    }

    @Test
    void marksEachStageShown() {
        fillRequest();
        submitButton().click();
        assertThat(stage("CREATED")).isVisible();
        String id = kestra.lastExecutionId();

        kestra.moveTo(id, "RUNNING");
        assertThat(stage("RUNNING")).isVisible();
        kestra.moveTo(id, "SUCCESS");
        assertThat(stage("SUCCESS")).isVisible();

        @SuppressWarnings("unchecked")
        List<String> marks =
                (List<String>)
                        page.evaluate(
                                "() => performance.getEntriesByType('mark')"
                                        + ".map((mark) => mark.name)"
                                        + ".filter((name) => name.startsWith('flowfront:'))");
        assertThat(marks)
                .containsExactly(
                        "flowfront:stage:OPEN",
                        "flowfront:stage:CREATED",
                        "flowfront:stage:RUNNING",
                        "flowfront:stage:SUCCESS");
    }
}
