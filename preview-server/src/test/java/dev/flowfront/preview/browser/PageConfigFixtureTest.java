package dev.flowfront.preview.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runtime behaviour that depends on the page configuration: server-side dependsOn conditions, the
 * expiration window and FILE downloads. Each test serves the fixture with its own edit.
 */
class PageConfigFixtureTest {

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

    private void open(UnaryOperator<String> edit) {
        server = FixtureServer.start("approval-fixture.html", edit);
        kestra = new FakeKestra("company.team", "request_resources");
        checked = chromium.open();
        kestra.install(checked.context());
        page = checked.page();
        page.navigate(server.pageUrl());
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

    @Test
    void serverConditionAsksValidateEndpoint() {
        open(
                html ->
                        html.replace(
                                "\"condition\":\"e4\",\"inputs\":[\"resource_type\"],\"server\":false",
                                "\"condition\":null,\"inputs\":[\"resource_type\"],\"server\":true"));
        kestra.enableWhen("cloud_provider", "resource_type", "Cloud VM");

        page.getByLabel("Resource Type").selectOption("Cloud VM");
        assertThat(page.locator("[data-ff-input=cloud_provider]")).isVisible();
        page.getByLabel("Resource Type").selectOption("Development tool");

        assertThat(page.locator("[data-ff-input=cloud_provider]")).isHidden();
        assertThat(kestra.validateCalls()).isPositive();
    }

    @Test
    void expiredAppShowsClosedMessage() {
        open(html -> html.replace("\"endDate\":null", "\"endDate\":\"2020-01-01T00:00:00Z\""));

        assertThat(page.locator("section[data-ff-stage=ERROR]")).isVisible();
        assertThat(page.locator("section[data-ff-stage=ERROR]"))
                .containsText("This app is not open right now");
        assertThat(page.locator("section[data-ff-stage=OPEN]")).isHidden();
    }

    @Test
    void fileOutputDownloadsWithItsName() {
        open(UnaryOperator.identity());
        page.getByLabel("Resource Type").selectOption("Cloud VM");
        page.getByLabel("Cloud Provider").selectOption("GCP");
        page.getByLabel("Deadline for the resources").fill("2026-03-01");
        page.getByLabel("Provide details about the resources you need").fill("One VM");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit")).click();
        assertThat(page.locator("section[data-ff-stage=CREATED]")).isVisible();
        String id = kestra.lastExecutionId();
        kestra.setOutputs(
                id, Map.of("catalog", "kestra:///company/team/request_resources/catalog.ion"));
        kestra.moveTo(id, "SUCCESS");

        Download download =
                page.waitForDownload(
                        () ->
                                page.getByRole(
                                                AriaRole.BUTTON,
                                                new Page.GetByRoleOptions()
                                                        .setName("Download catalog.ion"))
                                        .click());

        assertThat(download.suggestedFilename()).isEqualTo("catalog.ion");
    }

    @Test
    void dateTimeIsSentAsUtcInstant() {
        open(
                html ->
                        html.replace(
                                        "data-ff-input=\"deadline\" data-ff-type=\"DATE\"",
                                        "data-ff-input=\"deadline\" data-ff-type=\"DATETIME\"")
                                .replace(
                                        "type=\"date\" id=\"ff-create-deadline\"",
                                        "type=\"datetime-local\" id=\"ff-create-deadline\""));
        checked.close();
        checked = chromium.open("Asia/Tokyo");
        kestra.install(checked.context());
        page = checked.page();
        page.navigate(server.pageUrl());
        page.getByLabel("Resource Type").selectOption("Cloud VM");
        page.getByLabel("Cloud Provider").selectOption("AWS");
        page.getByLabel("Deadline for the resources").fill("2026-03-01T10:30");
        page.getByLabel("Provide details about the resources you need").fill("One VM");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit")).click();
        assertThat(page.locator("section[data-ff-stage=CREATED]")).isVisible();

        assertThat(kestra.lastCreateBody())
                .contains(new FakeKestra.Part("deadline", null, "2026-03-01T01:30:00.000Z"));
    }

    private String submitCloudVmRequest() {
        page.getByLabel("Resource Type").selectOption("Cloud VM");
        page.getByLabel("Cloud Provider").selectOption("AWS");
        page.getByLabel("Deadline for the resources").fill("2026-03-01");
        page.getByLabel("Provide details about the resources you need").fill("One VM");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit")).click();
        assertThat(page.locator("section[data-ff-stage=CREATED]")).isVisible();
        return kestra.lastExecutionId();
    }

    @Test
    void inputsBlockAppliesIncludeAndExclude() {
        open(
                html ->
                        html.replace(
                                "<div class=\"ff-block ff-block--inputs\" data-ff-block=\"Inputs\" data-ff-include=\"[]\" data-ff-exclude=\"[]\"></div>",
                                "<div class=\"ff-block ff-block--inputs\" data-ff-block=\"Inputs\""
                                        + " data-ff-include=\"[&quot;resource_type&quot;,&quot;comment&quot;]\""
                                        + " data-ff-exclude=\"[&quot;comment&quot;]\"></div>"));
        String id = submitCloudVmRequest();

        kestra.pauseAt(id, "wait_for_approval");

        Locator inputs = page.locator("section[data-ff-stage=PAUSE] [data-ff-block=Inputs]");
        assertThat(inputs.locator("[data-ff-value-for=resource_type]")).hasText("Cloud VM");
        assertThat(inputs.locator("dd")).hasCount(1);
    }

    @Test
    void logsBlockFiltersByLevelAndTask() {
        open(
                html ->
                        html.replace(
                                "data-ff-min-level=\"INFO\" data-ff-task-ids=\"[]\"",
                                "data-ff-min-level=\"WARN\" data-ff-task-ids=\"[&quot;approve&quot;]\""));
        String id = submitCloudVmRequest();
        kestra.log(id, "INFO", "approve", "Calling the provisioning API");
        kestra.log(id, "WARN", "get_service_catalog", "Catalog is stale");
        kestra.log(id, "WARN", "approve", "Provisioning API is slow");

        kestra.moveTo(id, "RUNNING");

        Locator messages = page.locator("section[data-ff-stage=RUNNING] .ff-log-message");
        assertThat(messages).hasText(new String[] {"Provisioning API is slow"});
    }
}
