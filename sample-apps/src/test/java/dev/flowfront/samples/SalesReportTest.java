package dev.flowfront.samples;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The sales_report app: the flow builds a CSV file that the user downloads from SUCCESS. */
class SalesReportTest extends AppJourney {

    private static SampleSite site;

    @BeforeAll
    static void start() {
        // Each task lasts 2 s, so RUNNING stays on screen while axe-core checks it.
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

    private void buildApacReport() {
        page.navigate(site.pageUrl("company.analytics", "sales_report"));
        assertThat(stage("OPEN")).isVisible();
        assertThat(page.getByLabel("Region")).hasValue("EMEA");
        page.getByLabel("Region").selectOption("APAC");
        page.getByLabel("To").fill("2026-03-31");
        button("Build report").click();
    }

    private Locator downloadButton() {
        return stage("SUCCESS").locator("[data-ff-block=Outputs]").getByRole(AriaRole.BUTTON);
    }

    @Test
    void reportReachesSuccessWithDownloadButton() {
        page.navigate(site.pageUrl("company.analytics", "sales_report"));
        assertThat(stage("OPEN")).isVisible();
        checked.assertAccessible("OPEN");

        buildApacReport();
        assertThat(stage("RUNNING")).isVisible();
        assertThat(stage("RUNNING")).containsText("Building the APAC report…");
        checked.assertAccessible("RUNNING");

        assertThat(stage("SUCCESS")).isVisible();
        assertThat(stage("SUCCESS").getByRole(AriaRole.STATUS))
                .containsText("Your report is ready.");
        assertThat(downloadButton()).hasText("Download report.csv");
        checked.assertAccessible("SUCCESS");
    }

    @Test
    void reportDownloadsAsCsv() throws IOException {
        buildApacReport();
        assertThat(stage("SUCCESS")).isVisible();

        Download file = page.waitForDownload(() -> downloadButton().click());

        assertThat(file.failure()).isNull();
        assertThat(file.suggestedFilename()).isEqualTo("report.csv");
        List<String> lines = Files.readAllLines(file.path(), StandardCharsets.UTF_8);
        assertThat(lines).first().isEqualTo("region,day,amount");
        assertThat(lines).hasSizeGreaterThan(1);
        assertThat(lines.subList(1, lines.size()))
                .allSatisfy(line -> assertThat(line.split(",", -1)).hasSize(3));
    }
}
