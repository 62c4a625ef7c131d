package dev.flowfront.preview.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The other six corpus apps, compiled and run against the preview server: each stage an app defines
 * is reached and checked by what the page shows. The compute resources app has its own class.
 */
class CorpusAppsTest {

    private static Chromium chromium;
    private static CorpusSite site;

    private CheckedPage checked;
    private Page page;

    @BeforeAll
    static void start() {
        // Each simulated task takes 2 s, so a stage that lasts one task can be checked.
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
        checked = chromium.open();
        page = checked.page();
    }

    @AfterEach
    void checkPage() {
        try {
            checked.assertNoProblems();
        } finally {
            checked.close();
        }
    }

    private Locator stage(String name) {
        return page.locator("section[data-ff-stage=\"" + name + "\"]");
    }

    private Locator button(String name) {
        return page.getByRole(
                AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private String executionIdFromUrl() {
        String url = page.url();
        return url.substring(url.indexOf("execution=") + "execution=".length());
    }

    @Test
    void cloudSignupShowsThanksThenStatus() {
        page.navigate(site.pageUrl("cloud_signup_form"));
        assertThat(stage("OPEN")).containsText("Sign up for Kestra Cloud waitlist");
        page.getByLabel("Your e-mail address").fill("ana@example.com");
        page.getByLabel("What do you plan to orchestrate?").fill("Data pipelines");
        assertThat(page.getByLabel("I agree to receive other communications from Kestra."))
                .isChecked();
        checked.assertAccessible("cloud_signup_form OPEN");

        button("Submit").click();
        assertThat(stage("CREATED")).isVisible();
        assertThat(stage("CREATED")).containsText("Thanks for your interest in Kestra Cloud!");
        checked.assertAccessible("cloud_signup_form CREATED");

        // The app has no layout for the end and no FALLBACK, so the built-in status shows.
        assertThat(stage("STATUS")).isVisible();
        assertThat(stage("STATUS")).containsText("Your request completed successfully.");
        checked.assertAccessible("cloud_signup_form STATUS");
    }

    @Test
    void pastExecutionShowsItsOutputs() {
        String id =
                new SimulatorApi(site.server().url())
                        .create("company.team", "get_data")
                        .path("id")
                        .asText();

        page.navigate(site.pageUrl("past_execution") + "?execution=" + id);

        assertThat(stage("SUCCESS")).isVisible();
        assertThat(stage("SUCCESS")).containsText("Download the report");
        Locator outputs = stage("SUCCESS").locator("[data-ff-block=Outputs]");
        assertThat(outputs.locator("dt")).hasText("Data");
        Download download = page.waitForDownload(() -> outputs.getByRole(AriaRole.BUTTON).click());
        assertThat(download.suggestedFilename()).isNotBlank();
        checked.assertAccessible("past_execution SUCCESS");
    }

    @Test
    void pastExecutionMissingPinnedExecutionShowsError() {
        checked.allowConsoleError("status of 404");
        checked.allowConsoleError("Flowfront: loading the execution failed");

        page.navigate(site.pageUrl("past_execution"));

        assertThat(stage("ERROR")).isVisible();
        assertThat(stage("ERROR")).containsText("This request no longer exists in Kestra");
        assertThat(button("Try again")).isVisible();
        checked.assertAccessible("past_execution ERROR");
    }

    @Test
    void vacationApprovalReachesEveryStage() {
        page.navigate(site.pageUrl("vacation_approval_process"));
        page.getByLabel("Employee name").fill("Ana Lima");
        page.getByLabel("Start date").fill("2026-07-01");
        page.getByLabel("End date").fill("2026-07-15");
        checked.assertAccessible("vacation OPEN");

        button("Submit").click();
        // CREATED has no layout here, so RUNNING's layout shows from the start.
        assertThat(stage("RUNNING")).isVisible();
        assertThat(stage("RUNNING")).containsText("Execution in progress");
        checked.assertAccessible("vacation RUNNING");

        assertThat(stage("PAUSE")).isVisible();
        Locator inputs = stage("PAUSE").locator("[data-ff-block=Inputs]");
        assertThat(inputs.locator("[data-ff-value-for=\"request.name\"]")).hasText("Ana Lima");
        assertThat(inputs.locator("[data-ff-value-for=\"request.start_date\"]"))
                .hasText("2026-07-01");
        Locator employeeData = stage("PAUSE").locator("[data-ff-block=TaskOutputs] dd");
        assertThat(employeeData.getByRole(AriaRole.BUTTON)).hasText(Pattern.compile("^Download "));
        checked.assertAccessible("vacation PAUSE");

        page.getByLabel("Approval Comment").fill("Enjoy!");
        button("Approve").click();
        assertThat(stage("RESUME")).isVisible();
        assertThat(stage("RESUME")).containsText("Thank you for validating the request!");
        checked.assertAccessible("vacation RESUME");

        assertThat(stage("SUCCESS")).isVisible();
        assertThat(stage("SUCCESS")).containsText("Request processed successfully");
        assertThat(stage("SUCCESS").getByRole(AriaRole.LOG)).isAttached();
        checked.assertAccessible("vacation SUCCESS");
        assertThat(checked.stagesSeen())
                .containsSubsequence("CREATED", "RUNNING", "PAUSE", "RESUME", "SUCCESS");
    }

    @Test
    void requestDataShowsOutputsAndStoppableRedirect() {
        page.navigate(site.pageUrl("request_data_form"));
        assertThat(page.getByLabel("Select data to download")).hasValue("customers");
        page.getByLabel("Select data to download").selectOption("products");
        checked.assertAccessible("request_data_form OPEN");

        button("Submit").click();
        assertThat(stage("RUNNING")).isVisible();
        assertThat(stage("RUNNING")).containsText("Fetching your data...");
        checked.assertAccessible("request_data_form RUNNING");

        assertThat(stage("SUCCESS")).isVisible();
        assertThat(stage("SUCCESS").locator("[data-ff-block=Inputs] [data-ff-value-for=data]"))
                .hasText("products");
        assertThat(stage("SUCCESS").locator("[data-ff-block=Outputs]").getByRole(AriaRole.BUTTON))
                .hasText(Pattern.compile("^Download "));
        Locator redirect = stage("SUCCESS").locator("[data-ff-block=RedirectTo]");
        assertThat(redirect)
                .containsText(Pattern.compile("Opening https://kestra.io/docs/ in \\d+ seconds"));
        checked.assertAccessible("request_data_form SUCCESS");

        button("Stay on this page").click();
        assertThat(redirect).containsText("Redirect stopped.");
        assertThat(page).hasURL(Pattern.compile("^http://127\\.0\\.0\\.1:"));
    }

    @Test
    void helloWorldShowsLogsWhileRunningAndAfter() {
        page.navigate(site.pageUrl("hello_world_app"));
        page.getByLabel("user").fill("Ana");
        checked.assertAccessible("hello_world_app OPEN");

        button("Execute").click();
        assertThat(stage("RUNNING")).isVisible();
        assertThat(stage("RUNNING")).containsText("Execution is running");
        assertThat(stage("RUNNING").locator(".ff-log-message")).hasText("Hello Ana");
        checked.assertAccessible("hello_world_app RUNNING");

        assertThat(stage("SUCCESS")).isVisible();
        assertThat(stage("SUCCESS").locator(".ff-log-message")).hasText("Hello Ana");
        checked.assertAccessible("hello_world_app SUCCESS");
    }

    @Test
    void aiAssistantShowsFilteredAnswer() {
        page.navigate(site.pageUrl("ai_assistant"));
        page.getByLabel("user_context").fill("We plan to migrate next quarter");
        checked.assertAccessible("ai_assistant OPEN");

        button("Submit").click();
        assertThat(stage("RUNNING")).isVisible();
        assertThat(stage("RUNNING")).containsText("Doing science");
        checked.assertAccessible("ai_assistant RUNNING");

        assertThat(stage("SUCCESS")).isVisible();
        assertThat(stage("SUCCESS").locator(".ff-log-message"))
                .containsText("What is your timeline for the project?");
        assertThat(stage("SUCCESS").locator(".ff-log-task")).hasText("log_response3");
        checked.assertAccessible("ai_assistant SUCCESS");
        assertThat(executionIdFromUrl()).isNotBlank();
    }
}
