package dev.flowfront.samples;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Request;
import com.microsoft.playwright.options.AriaRole;
import dev.flowfront.preview.simulator.Route;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The vm_request app: a request waits in PAUSE for an approver, who approves it with a comment or
 * rejects it.
 */
class VmRequestTest extends AppJourney {

    private static final Pattern RESUME_URL = Pattern.compile("/executions/\\w+/resume$");

    private static SampleSite site;

    @BeforeAll
    static void start() {
        // Each task lasts about 3 s, so CREATED, RUNNING and RESUME stay on screen while axe-core
        // checks them.
        site = SampleSite.start(0.07);
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

    private void fillRequest() {
        page.navigate(site.pageUrl("company.infra", "vm_request"));
        assertThat(stage("OPEN")).isVisible();
        page.getByLabel("Environment").selectOption("staging");
        page.getByRole(
                        AriaRole.RADIO,
                        new com.microsoft.playwright.Page.GetByRoleOptions().setName("medium"))
                .check();
        page.getByLabel("Region").selectOption("eu-central-1");
        page.getByLabel("Owner's e-mail address").fill("ana@example.com");
        page.getByLabel("Why do you need it?").fill("Load tests for the new billing service");
    }

    @Test
    void approvalProvisionsVm() {
        fillRequest();
        checked.assertAccessible("OPEN");

        button("Send request").click();
        assertThat(stage("CREATED")).isVisible();
        assertThat(stage("CREATED")).containsText("Your request is queued.");
        checked.assertAccessible("CREATED");

        assertThat(stage("RUNNING")).isVisible();
        assertThat(stage("RUNNING").locator(".ff-log-message").first())
                .hasText("Validating a medium VM in eu-central-1 for ana@example.com");
        checked.assertAccessible("RUNNING");

        assertThat(stage("PAUSE")).isVisible();
        assertThat(shownValue("PAUSE", "Inputs", "environment")).hasText("staging");
        assertThat(shownValue("PAUSE", "Inputs", "size")).hasText("medium");
        assertThat(shownValue("PAUSE", "Inputs", "region")).hasText("eu-central-1");
        assertThat(shownValue("PAUSE", "Inputs", "owner")).hasText("ana@example.com");
        assertThat(shownValue("PAUSE", "Inputs", "justification"))
                .hasText("Load tests for the new billing service");
        assertThat(page.getByLabel("Comment for the requester")).hasValue("Approved");
        checked.assertAccessible("PAUSE");

        page.getByLabel("Comment for the requester").fill("Approved until June");
        Request resume = page.waitForRequest(RESUME_URL, () -> button("Approve").click());
        assertThat(new String(resume.postDataBuffer(), StandardCharsets.UTF_8))
                .contains("name=\"approver_comment\"\r\n\r\nApproved until June\r\n");
        assertThat(stage("RESUME")).isVisible();
        assertThat(stage("RESUME")).containsText("Approved. Provisioning the VM…");
        checked.assertAccessible("RESUME");

        assertThat(stage("SUCCESS")).isVisible();
        assertThat(stage("SUCCESS").getByRole(AriaRole.STATUS)).containsText("Your VM is ready.");
        assertThat(shownValue("SUCCESS", "Outputs", "vm_name")).hasText("staging-medium-vm");
        assertThat(shownValue("SUCCESS", "Outputs", "ip_address")).hasText("10.20.30.40");
        assertThat(shownValue("SUCCESS", "Inputs", "owner")).hasText("ana@example.com");
        assertThat(shownValue("SUCCESS", "Inputs", "justification")).hasCount(0);
        checked.assertAccessible("SUCCESS");
        assertThat(checked.stagesSeen())
                .containsSubsequence("CREATED", "RUNNING", "PAUSE", "RESUME", "SUCCESS");
    }

    @Test
    void rejectionEndsInFailure() {
        fillRequest();
        button("Send request").click();
        assertThat(stage("PAUSE")).isVisible();

        button("Reject").click();

        assertThat(stage("FAILURE")).isVisible();
        assertThat(stage("FAILURE").getByRole(AriaRole.ALERT))
                .containsText("The request was rejected or failed.");
        Locator again =
                stage("FAILURE")
                        .getByRole(
                                AriaRole.LINK,
                                new Locator.GetByRoleOptions().setName("Start a new request"));
        assertThat(again).isVisible();
        checked.assertAccessible("FAILURE");
        assertThat(checked.stagesSeen()).doesNotContain("RESUME", "SUCCESS");
    }

    @Test
    void shortJustificationIsNotSubmitted() {
        fillRequest();
        page.getByLabel("Why do you need it?").fill("Tests");

        button("Send request").click();

        Locator error = stage("OPEN").locator("[data-ff-error-for=justification]");
        assertThat(error).isVisible();
        assertThat(error).not().hasText(Pattern.compile("^\\s*$"));
        assertThat(page.getByLabel("Why do you need it?")).hasAttribute("aria-invalid", "true");
        assertThat(page.getByLabel("Why do you need it?")).hasValue("Tests");
        assertThat(stage("OPEN")).isVisible();
        checked.assertAccessible("OPEN with a field error");
        assertThat(site.server().faults().requestCount(Route.CREATE_EXECUTION)).isZero();
    }
}
