package dev.flowfront.preview.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Request;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import dev.flowfront.preview.simulator.Route;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The compiled compute_resources_approval page of the corpus, in Chromium, against the preview
 * server playing the request_resources flow: every stage the app defines, approval and rejection,
 * dependsOn, reloads, double clicks, retries and field errors.
 */
class ApprovalCorpusTest {

    private static final String APP = "compute_resources_approval";

    private static Chromium chromium;
    private static CorpusSite site;

    private CheckedPage checked;
    private Page page;
    private final List<Request> creates = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() {
        // Each simulated task takes 2 s, so CREATED and RUNNING stay on screen while axe-core
        // checks them, even on a busy machine.
        site = CorpusSite.start(CorpusSite.corpusOrSkip(), 0.1);
        chromium = Chromium.launch();
        PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
    }

    @AfterAll
    static void stop() {
        if (chromium != null) {
            chromium.close();
        }
        if (site != null) {
            site.close();
        }
    }

    @BeforeEach
    void openPage() {
        site.server().faults().reset();
        open("UTC");
    }

    private void open(String timezoneId) {
        if (checked != null) {
            checked.close();
        }
        checked = chromium.open(timezoneId);
        page = checked.page();
        page.onRequest(
                request -> {
                    if (request.method().equals("POST")
                            && request.url()
                                    .contains("/executions/company.team/request_resources?")) {
                        creates.add(request);
                    }
                });
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

    private Locator button(String name) {
        return page.getByRole(
                AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private void fillCloudVmRequest() {
        page.navigate(site.pageUrl(APP));
        assertThat(stage("OPEN")).isVisible();
        page.getByLabel("Resource Type").selectOption("Cloud VM");
        page.getByLabel("Cloud Provider").fill("AWS");
        page.getByLabel("Deadline for the resources").fill("2026-03-01");
        page.getByLabel("Provide details about the resources you need").fill("Two VMs for testing");
    }

    private String submitAndWaitForPause() {
        fillCloudVmRequest();
        button("Submit").click();
        assertThat(stage("PAUSE")).isVisible();
        return executionIdFromUrl();
    }

    /** Waits until the page shows an execution, which puts its id in the address. */
    private void waitForExecution() {
        assertThat(page).hasURL(Pattern.compile("[?&]execution=\\w+"));
    }

    private String executionIdFromUrl() {
        String url = page.url();
        return url.substring(url.indexOf("execution=") + "execution=".length());
    }

    private String lastCreateBody() {
        byte[] body = creates.get(creates.size() - 1).postDataBuffer();
        return new String(body, StandardCharsets.UTF_8);
    }

    @Test
    void approvalReachesEveryStageToSuccess() {
        fillCloudVmRequest();
        checked.assertAccessible("OPEN");

        button("Submit").click();
        assertThat(stage("CREATED")).isVisible();
        assertThat(stage("CREATED")).containsText("Thank you for your submission!");
        checked.assertAccessible("CREATED");

        assertThat(stage("RUNNING")).isVisible();
        assertThat(stage("RUNNING")).containsText("We're processing your request");
        assertThat(stage("RUNNING").getByRole(AriaRole.LOG)).isAttached();
        checked.assertAccessible("RUNNING");

        assertThat(stage("PAUSE")).isVisible();
        Locator submitted = stage("PAUSE").locator("[data-ff-block=Inputs]");
        assertThat(submitted.locator("[data-ff-value-for=resource_type]")).hasText("Cloud VM");
        assertThat(submitted.locator("[data-ff-value-for=cloud_provider]")).hasText("AWS");
        assertThat(submitted.locator("[data-ff-value-for=deadline]")).hasText("2026-03-01");
        assertThat(submitted.locator("[data-ff-value-for=comment]")).hasText("Two VMs for testing");
        checked.assertAccessible("PAUSE");

        page.getByLabel("Provisioning Status").uncheck();
        page.getByLabel("Approval Comment").fill("Approved for one month");
        button("Approve").click();
        assertThat(stage("RESUME")).isVisible();
        assertThat(stage("RESUME")).containsText("Thank you for validating the request!");
        checked.assertAccessible("RESUME");

        assertThat(stage("SUCCESS")).isVisible();
        assertThat(
                        stage("SUCCESS")
                                .locator(
                                        "[data-ff-block=Inputs] [data-ff-value-for=cloud_provider]"))
                .hasText("AWS");
        assertThat(stage("SUCCESS").locator("[data-ff-block=Outputs]").getByRole(AriaRole.BUTTON))
                .hasText(Pattern.compile("^Download "));
        checked.assertAccessible("SUCCESS");
        assertThat(checked.stagesSeen())
                .containsSubsequence("CREATED", "RUNNING", "PAUSE", "RESUME", "SUCCESS");

        JsonNode execution = new SimulatorApi(site.server().url()).execution(executionIdFromUrl());
        JsonNode onResume = pauseOutputs(execution).path("onResume");
        assertThat(onResume.path("provisioning_status").asBoolean(true)).isFalse();
        assertThat(onResume.path("comment").asText()).isEqualTo("Approved for one month");
    }

    private static JsonNode pauseOutputs(JsonNode execution) {
        for (JsonNode run : execution.path("taskRunList")) {
            if (run.path("taskId").asText().equals("wait_for_approval")) {
                return run.path("outputs");
            }
        }
        throw new AssertionError("no wait_for_approval task run in " + execution);
    }

    @Test
    void rejectEndsInFailure() {
        submitAndWaitForPause();

        button("Reject").click();

        assertThat(stage("FAILURE")).isVisible();
        assertThat(stage("FAILURE")).containsText("Request failed");
        assertThat(stage("FAILURE").getByRole(AriaRole.ALERT))
                .containsText("The workflow encountered an error during processing.");
        checked.assertAccessible("FAILURE");
    }

    @Test
    void cloudVmRevealsOnlyCloudProvider() {
        page.navigate(site.pageUrl(APP));

        page.getByLabel("Resource Type").selectOption("Cloud VM");

        assertThat(page.getByLabel("Cloud Provider")).isVisible();
        assertThat(page.getByLabel("Access Permissions")).isHidden();
        assertThat(page.getByLabel("Development Tool")).isHidden();
        assertThat(page.locator("[data-ff-input=saas_applications]")).isHidden();
    }

    @Test
    void switchingAwayHidesAndDropsCloudProvider() {
        fillCloudVmRequest();

        page.getByLabel("Resource Type").selectOption("SaaS applications");
        assertThat(page.getByLabel("Cloud Provider")).isHidden();
        page.getByLabel("Slack").check();
        button("Submit").click();
        waitForExecution();

        assertThat(lastCreateBody()).doesNotContain("name=\"cloud_provider\"");
        assertThat(lastCreateBody()).doesNotContain("AWS");
        assertThat(lastCreateBody()).contains("[\"Slack\"]");
    }

    @Test
    void reloadDuringPauseReturnsToPause() {
        String id = submitAndWaitForPause();

        page.reload();

        assertThat(stage("PAUSE")).isVisible();
        assertThat(page).hasURL(Pattern.compile("\\?execution=" + id + "$"));
        assertThat(stage("OPEN")).isHidden();
    }

    @Test
    void doubleClickOnSubmitCreatesOneExecution() {
        fillCloudVmRequest();

        button("Submit").dblclick();
        waitForExecution();

        assertThat(site.server().faults().requestCount(Route.CREATE_EXECUTION)).isEqualTo(1);
        assertThat(creates).hasSize(1);
    }

    @Test
    void threeUnavailableAnswersRecoverBySelf() {
        checked.allowConsoleError("status of 503");
        site.server().faults().statuses(Route.CREATE_EXECUTION, 503, 503, 503);
        fillCloudVmRequest();

        button("Submit").click();

        waitForExecution();
        assertThat(site.server().faults().requestCount(Route.CREATE_EXECUTION)).isEqualTo(4);
        assertThat(checked.stagesSeen()).contains("CREATED");
        assertThat(checked.stagesSeen()).doesNotContain("ERROR");
    }

    @Test
    void missingInputErrorAtField() {
        checked.allowConsoleError("status of 422");
        checked.allowConsoleError("Flowfront: creating the execution failed");
        fillCloudVmRequest();
        page.getByLabel("Resource Type").selectOption("SaaS applications");

        button("Submit").click();

        Locator error = page.locator("#ff-form-create [data-ff-error-for=saas_applications]");
        assertThat(error).hasText("This field is required.");
        assertThat(page.getByLabel("Slack")).isFocused();
        assertThat(page.getByLabel("Resource Type")).hasValue("SaaS applications");
        assertThat(page.getByLabel("Deadline for the resources")).hasValue("2026-03-01");
        assertThat(page.getByLabel("Provide details about the resources you need"))
                .hasValue("Two VMs for testing");
        assertThat(stage("OPEN")).isVisible();
        checked.assertAccessible("OPEN with a field error");
    }

    @ParameterizedTest
    @ValueSource(strings = {"America/Los_Angeles", "Asia/Tokyo"})
    void dateIsSubmittedAsTyped(String timezoneId) {
        open(timezoneId);

        String id = submitAndWaitForPause();

        assertThat(lastCreateBody()).contains("name=\"deadline\"\r\n\r\n2026-03-01\r\n");
        JsonNode execution = new SimulatorApi(site.server().url()).execution(id);
        assertThat(execution.path("inputs").path("deadline").asText()).isEqualTo("2026-03-01");
        assertThat(stage("PAUSE").locator("[data-ff-value-for=deadline]")).hasText("2026-03-01");
    }

    @Test
    void unknownKestraStateShowsFallback() {
        String id = submitAndWaitForPause();
        ObjectNode execution = (ObjectNode) new SimulatorApi(site.server().url()).execution(id);
        ((ObjectNode) execution.path("state")).put("current", "SNOOZED");
        String json = execution.toString();
        // The simulator plays only the states Kestra has today; a future one is injected here.
        page.route(
                url -> url.contains("/api/v1/main/executions/" + id),
                route -> {
                    boolean stream = route.request().url().endsWith("/follow");
                    route.fulfill(
                            new com.microsoft.playwright.Route.FulfillOptions()
                                    .setStatus(200)
                                    .setContentType(
                                            stream ? "text/event-stream" : "application/json")
                                    .setBody(
                                            stream
                                                    ? "id: progress\ndata: " + json + "\n\n"
                                                    : json));
                });

        page.reload();

        assertThat(stage("FALLBACK")).isVisible();
        assertThat(stage("FALLBACK")).containsText("You're all set. Thanks for using this app!");
        checked.assertAccessible("FALLBACK");
    }

    @Test
    void newRequestButtonLinksToEmptyForm() {
        String id = submitAndWaitForPause();
        page.getByLabel("Approval Comment").fill("Fine");

        button("Approve").click();

        assertThat(stage("SUCCESS")).isVisible();
        Locator again =
                stage("SUCCESS")
                        .getByRole(
                                AriaRole.LINK,
                                new Locator.GetByRoleOptions().setName("Submit new request"));
        assertThat(again).hasAttribute("href", Pattern.compile("."));
        String target = (String) again.evaluate("link => link.href");
        String appFolder = site.pageUrl(APP).replace("index.html", "");
        assertThat(target).isIn(appFolder, site.pageUrl(APP));
        assertThat(page).hasURL(Pattern.compile("execution=" + id));
    }
}
