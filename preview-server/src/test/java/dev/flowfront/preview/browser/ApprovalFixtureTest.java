package dev.flowfront.preview.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.flowfront.preview.browser.FakeKestra.Fault;
import dev.flowfront.preview.browser.FakeKestra.Part;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The runtime on a hand-written page that follows the page contract for the resource approval app,
 * with Kestra scripted through Playwright routing so each state and failure comes on cue.
 */
class ApprovalFixtureTest {

    private static final String FIXTURE = "approval-fixture.html";

    private static Chromium chromium;
    private static FixtureServer server;

    private FakeKestra kestra;
    private CheckedPage checked;
    private Page page;

    @BeforeAll
    static void launch() {
        chromium = Chromium.launch();
        server = FixtureServer.start(FIXTURE);
    }

    @AfterAll
    static void shutDown() {
        server.close();
        chromium.close();
    }

    @BeforeEach
    void openPage() {
        open("UTC");
    }

    private void open(String timezoneId) {
        if (checked != null) {
            checked.close();
        }
        kestra = new FakeKestra("company.team", "request_resources");
        checked = chromium.open(timezoneId);
        kestra.install(checked.context());
        page = checked.page();
    }

    @AfterEach
    void checkPage() {
        try {
            checked.assertNoProblems();
        } finally {
            checked.close();
            checked = null;
        }
    }

    private Locator stage(String name) {
        return page.locator("section[data-ff-stage=\"" + name + "\"]");
    }

    private void fillRequest() {
        page.navigate(server.pageUrl());
        assertThat(stage("OPEN")).isVisible();
        page.getByLabel("Resource Type").selectOption("Cloud VM");
        page.getByLabel("Cloud Provider").selectOption("AWS");
        page.getByLabel("Deadline for the resources").fill("2026-03-01");
        page.getByLabel("Provide details about the resources you need").fill("Two VMs for testing");
    }

    private String submitRequest() {
        fillRequest();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit")).click();
        assertThat(stage("CREATED")).isVisible();
        return kestra.lastExecutionId();
    }

    private static Optional<String> part(List<Part> parts, String name) {
        return parts.stream().filter(part -> part.name().equals(name)).map(Part::value).findFirst();
    }

    @Test
    void approvalJourneyEndsInSuccess() {
        String id = submitRequest();
        checked.assertAccessible("CREATED");

        kestra.moveTo(id, "RUNNING");
        kestra.log(id, "INFO", "get_service_catalog", "Downloading the service catalog");
        assertThat(stage("RUNNING")).isVisible();
        assertThat(stage("RUNNING").locator(".ff-log-message"))
                .hasText("Downloading the service catalog");
        checked.assertAccessible("RUNNING");

        kestra.pauseAt(id, "wait_for_approval");
        assertThat(stage("PAUSE")).isVisible();
        Locator submitted = stage("PAUSE").locator("[data-ff-block=Inputs]");
        assertThat(submitted.locator("[data-ff-value-for=resource_type]")).hasText("Cloud VM");
        assertThat(submitted.locator("[data-ff-value-for=cloud_provider]")).hasText("AWS");
        assertThat(submitted.locator("[data-ff-value-for=deadline]")).hasText("2026-03-01");
        checked.assertAccessible("PAUSE");

        page.getByLabel("Provisioning Status").uncheck();
        page.getByLabel("Approval Comment").fill("Approved for one month");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Approve")).click();
        assertThat(stage("RESUME")).isVisible();
        checked.assertAccessible("RESUME");
        assertThat(part(kestra.lastResumeBody(), "provisioning_status")).contains("false");
        assertThat(part(kestra.lastResumeBody(), "comment")).contains("Approved for one month");

        kestra.setOutputs(
                id, Map.of("catalog", "kestra:///company/team/request_resources/catalog.ion"));
        kestra.moveTo(id, "SUCCESS");
        assertThat(stage("SUCCESS")).isVisible();
        assertThat(stage("SUCCESS").locator("[data-ff-value-for=comment]"))
                .hasText("Two VMs for testing");
        assertThat(
                        stage("SUCCESS")
                                .getByRole(
                                        AriaRole.BUTTON,
                                        new Locator.GetByRoleOptions()
                                                .setName("Download catalog.ion")))
                .isVisible();
        checked.assertAccessible("SUCCESS");
    }

    @Test
    void rejectEndsInFailure() {
        String id = submitRequest();
        kestra.pauseAt(id, "wait_for_approval");
        assertThat(stage("PAUSE")).isVisible();

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Reject")).click();
        assertThat(stage("RESUME")).isVisible();
        kestra.log(id, "ERROR", "wait_for_approval", "Execution killed by the approver");
        kestra.moveTo(id, "KILLED");

        assertThat(stage("FAILURE")).isVisible();
        assertThat(stage("FAILURE").locator("[data-ff-stacktrace]"))
                .containsText("Execution killed by the approver");
        checked.assertAccessible("FAILURE");
    }

    @Test
    void cloudVmRevealsOnlyCloudProvider() {
        page.navigate(server.pageUrl());

        page.getByLabel("Resource Type").selectOption("Cloud VM");

        assertThat(page.locator("[data-ff-input=cloud_provider]")).isVisible();
        assertThat(page.locator("[data-ff-input=access_permissions]")).isHidden();
        assertThat(page.locator("[data-ff-input=saas_applications]")).isHidden();
        assertThat(page.locator("[data-ff-input=development_tools]")).isHidden();
        checked.assertAccessible("OPEN with Cloud VM");
    }

    @Test
    void hiddenInputIsNotSubmitted() {
        fillRequest();

        page.getByLabel("Resource Type").selectOption("SaaS applications");
        assertThat(page.locator("[data-ff-input=cloud_provider]")).isHidden();
        page.getByLabel("Slack").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit")).click();
        assertThat(stage("CREATED")).isVisible();

        List<Part> body = kestra.lastCreateBody();
        assertThat(part(body, "cloud_provider")).isEmpty();
        assertThat(part(body, "saas_applications")).contains("[\"Slack\"]");
        assertThat(kestra.lastCreateQuery()).isEqualTo("labels=app%3Acompute_resources_approval");
    }

    @Test
    void reloadReturnsToSameStage() {
        String id = submitRequest();
        kestra.pauseAt(id, "wait_for_approval");
        assertThat(stage("PAUSE")).isVisible();
        assertThat(page).hasURL(server.pageUrl() + "?execution=" + id);

        page.reload();

        assertThat(stage("PAUSE")).isVisible();
        assertThat(stage("OPEN")).isHidden();
    }

    @Test
    void stageChangeMovesFocusAndAnnounces() {
        submitRequest();

        assertThat(stage("CREATED").locator(".ff-stage-title")).isFocused();
        assertThat(page.locator("[data-ff-live]")).hasText("Request received");
    }

    @Test
    void doubleClickCreatesOneExecution() {
        fillRequest();

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit")).dblclick();
        assertThat(stage("CREATED")).isVisible();

        assertThat(kestra.createCalls()).isEqualTo(1);
    }

    @Test
    void recoversAfterThreeUnavailableAnswers() {
        checked.allowConsoleError("status of 503");
        Fault unavailable = new Fault(503, "Service Unavailable", null);
        kestra.failCreates(unavailable, unavailable, unavailable);
        fillRequest();

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit")).click();

        assertThat(stage("CREATED")).isVisible();
        assertThat(kestra.createCalls()).isEqualTo(4);
        assertThat(kestra.executionCount()).isEqualTo(1);
    }

    @Test
    void tooManyRequestsWaitsForRetryAfter() {
        checked.allowConsoleError("status of 429");
        kestra.failCreates(new Fault(429, "Too many requests", "1"));
        fillRequest();

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit")).click();

        assertThat(stage("CREATED")).isVisible();
        assertThat(kestra.createCalls()).isEqualTo(2);
    }

    @Test
    void unprocessableInputShowsMessageAtField() {
        checked.allowConsoleError("status of 422");
        checked.allowConsoleError("Flowfront: creating the execution failed");
        kestra.failCreates(
                new Fault(
                        422,
                        "Invalid entity: Invalid value for input `deadline`. Cause: it must be after `2026-04-01`",
                        null));
        fillRequest();

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit")).click();

        Locator error = page.locator("[data-ff-error-for=deadline]");
        assertThat(error).hasText("It must be after `2026-04-01`");
        Locator deadline = page.getByLabel("Deadline for the resources");
        assertThat(deadline).hasAttribute("aria-invalid", "true");
        assertThat(deadline).hasAttribute("aria-describedby", "ff-create-deadline-error");
        assertThat(deadline).hasValue("2026-03-01");
        assertThat(page.getByLabel("Resource Type")).hasValue("Cloud VM");
        assertThat(page.getByLabel("Cloud Provider")).hasValue("AWS");
        assertThat(page.getByLabel("Provide details about the resources you need"))
                .hasValue("Two VMs for testing");
        checked.assertAccessible("OPEN with a field error");
    }

    @Test
    void errorsHiddenUntilFieldTouched() {
        page.navigate(server.pageUrl());
        Locator error = page.locator("#ff-form-create [data-ff-error-for=comment]");
        assertThat(error).isHidden();

        page.getByLabel("Provide details about the resources you need").focus();
        page.getByLabel("Provide details about the resources you need").blur();

        assertThat(error).isVisible();
        assertThat(page.locator("#ff-form-create [data-ff-error-for=deadline]")).isHidden();
    }

    @Test
    void emptySubmitShowsErrors() {
        page.navigate(server.pageUrl());

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit")).click();

        assertThat(page.locator("[data-ff-error-for=resource_type]")).isVisible();
        assertThat(page.getByLabel("Resource Type")).isFocused();
        assertThat(kestra.createCalls()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Pacific/Honolulu", "Asia/Tokyo", "Pacific/Kiritimati"})
    void dateIsSentAsTyped(String timezoneId) {
        open(timezoneId);
        submitRequest();

        assertThat(part(kestra.lastCreateBody(), "deadline")).contains("2026-03-01");
    }

    @Test
    void liveExpressionFollowsTyping() {
        page.navigate(server.pageUrl());
        Locator preview = stage("OPEN").locator("[data-ff-expr=e6]");
        assertThat(preview).hasText("You asked for nothing yet.");

        page.getByLabel("Resource Type").selectOption("Development tool");

        assertThat(preview).hasText("You asked for Development tool.");
    }

    @Test
    void unreachableKestraShowsErrorStageWithRetry() {
        checked.allowConsoleError("status of 503");
        checked.allowConsoleError("Flowfront: creating the execution failed");
        Fault unavailable = new Fault(503, "Service Unavailable", null);
        kestra.failCreates(unavailable, unavailable, unavailable, unavailable);
        fillRequest();

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit")).click();

        assertThat(stage("ERROR")).isVisible();
        assertThat(stage("ERROR")).containsText("Kestra is not responding right now");
        checked.assertAccessible("ERROR");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Try again")).click();
        assertThat(stage("OPEN")).isVisible();
        assertThat(page.getByLabel("Provide details about the resources you need"))
                .hasValue("Two VMs for testing");
    }

    @Test
    void resumeConflictShowsRealState() {
        checked.allowConsoleError("status of 409");
        checked.allowConsoleError("Flowfront: resuming the execution failed");
        String id = submitRequest();
        kestra.pauseAt(id, "wait_for_approval");
        assertThat(stage("PAUSE")).isVisible();
        kestra.failResumes(new Fault(409, "Execution is not paused, can't resume it", null));
        kestra.moveTo(id, "SUCCESS");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Approve")).click();

        assertThat(stage("SUCCESS")).isVisible();
    }

    @Test
    void cancelWhileRunningEndsInFailure() {
        String id = submitRequest();
        kestra.moveTo(id, "RUNNING");
        assertThat(stage("RUNNING")).isVisible();

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Cancel request"))
                .click();
        assertThat(page.locator("[data-ff-live]")).hasText("Cancelling the request.");
        kestra.moveTo(id, "KILLED");

        assertThat(stage("FAILURE")).isVisible();
    }

    @Test
    void unknownExecutionShowsErrorStage() {
        checked.allowConsoleError("status of 404");
        checked.allowConsoleError("Flowfront: loading the execution failed");

        page.navigate(server.pageUrl() + "?execution=gone123");

        assertThat(stage("ERROR")).isVisible();
        assertThat(stage("ERROR")).containsText("This request no longer exists in Kestra");
        assertThat(stage("ERROR").locator(".ff-stage-title")).isFocused();
    }

    @Test
    void brokenStreamFallsBackToPolling() {
        checked.allowConsoleError("status of 503");
        kestra.breakStreams();
        String id = submitRequest();

        kestra.moveTo(id, "RUNNING");

        assertThat(stage("RUNNING"))
                .isVisible(
                        new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions()
                                .setTimeout(20_000));
        assertThat(kestra.getCalls()).isPositive();
        assertThat(kestra.followCalls()).isEqualTo(4);
    }

    @Test
    void unknownKestraStateShowsFallback() {
        String id = submitRequest();

        kestra.moveTo(id, "SOME_FUTURE_STATE");

        assertThat(stage("FALLBACK")).isVisible();
        assertThat(stage("FALLBACK")).containsText("Thanks for using this app!");
    }
}
