package dev.flowfront.generator.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowfront.generator.api.AppCompiler;
import dev.flowfront.generator.api.CompileOptions;
import dev.flowfront.generator.api.CompileResult;
import dev.flowfront.generator.site.PageWeigher.PageWeight;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeps pages small, in gzip bytes. The OPEN stage must show, check and send its form from the
 * first 14 KB, which is about what the first round trip of a new TCP connection delivers with an
 * initial window of 10 segments. Those bytes are the HTML without the other stages, the stylesheets
 * and the page script. The deferred script, which the page script loads once the form is shown and
 * which follows the execution, is not part of them. A whole page with both scripts must stay within
 * 30 KB. The figures of every sample app appear in the test report and on standard output.
 */
class PageBudgetTest {

    static final long OPEN_CRITICAL_GZIP_BUDGET = 14 * 1024;
    static final long WHOLE_PAGE_GZIP_BUDGET = 30 * 1024;

    private static final Path SAMPLE_APPS = Path.of("..", "sample-apps", "src", "main");

    @TempDir static Path site;

    @BeforeAll
    static void compileSampleApps() {
        CompileOptions options =
                CompileOptions.builder()
                        .appsDirectory(SAMPLE_APPS.resolve("apps"))
                        .flowsDirectory(SAMPLE_APPS.resolve("flows"))
                        .namespaceFilesDirectory(SAMPLE_APPS.resolve("namespace-files"))
                        .outputDirectory(site.resolve("site"))
                        .build();
        CompileResult result = new AppCompiler().compile(options);
        assertThat(result.hasErrors()).as("sample apps compile: %s", result.problems()).isFalse();
    }

    @Test
    void sampleOpenStagesFitCriticalBudget(TestReporter reporter) throws IOException {
        List<PageWeight> weights = weighSampleApps(reporter);

        assertThat(weights).isNotEmpty();
        assertThat(overBudget(weights))
                .filteredOn(line -> line.contains("OPEN critical"))
                .isEmpty();
    }

    @Test
    void samplePagesFitWholePageBudget(TestReporter reporter) throws IOException {
        List<PageWeight> weights = weighSampleApps(reporter);

        assertThat(weights).isNotEmpty();
        assertThat(overBudget(weights)).filteredOn(line -> line.contains("whole page")).isEmpty();
    }

    @Test
    void inflatedPageBreaksBudget(@TempDir Path copy) throws IOException {
        Path built = site.resolve("site");
        Path page = firstPage(built);
        copyTree(built, copy);
        Path inflated = copy.resolve(built.relativize(page).toString());
        String html = Files.readString(inflated, StandardCharsets.UTF_8);
        // Random letters barely compress, so 40 KB of them stay above both budgets after gzip.
        String filler = "<p>" + randomLetters(40 * 1024) + "</p>";
        Files.writeString(
                inflated,
                html.replaceFirst("(<section[^>]*data-ff-stage=\"OPEN\"[^>]*>)", "$1" + filler),
                StandardCharsets.UTF_8);

        List<String> problems = overBudget(List.of(PageWeigher.weigh(copy, inflated)));

        assertThat(problems).hasSize(2);
        assertThat(problems.get(0)).contains("OPEN critical");
        assertThat(problems.get(1)).contains("whole page");
    }

    /** Weighs the sample pages and publishes each page's figures in the test report. */
    private static List<PageWeight> weighSampleApps(TestReporter reporter) throws IOException {
        List<PageWeight> weights = PageWeigher.weighAll(site.resolve("site"));
        for (PageWeight weight : weights) {
            String figures =
                    String.format(
                            "gzip bytes: HTML %d, page script %d, deferred script %d, OPEN critical"
                                    + " %d (budget %d), whole %d (budget %d)",
                            weight.htmlGzip(),
                            weight.scriptGzip(),
                            weight.deferredScriptGzip(),
                            weight.openCriticalGzip(),
                            OPEN_CRITICAL_GZIP_BUDGET,
                            weight.wholeGzip(),
                            WHOLE_PAGE_GZIP_BUDGET);
            reporter.publishEntry(weight.page(), figures);
            System.out.println("page budget: " + weight.page() + ": " + figures);
        }
        return weights;
    }

    /** Lists each page and budget exceeded, one line each. */
    static List<String> overBudget(List<PageWeight> weights) {
        List<String> problems = new ArrayList<>();
        for (PageWeight weight : weights) {
            if (weight.openCriticalGzip() > OPEN_CRITICAL_GZIP_BUDGET) {
                problems.add(
                        weight.page()
                                + ": OPEN critical bytes are "
                                + weight.openCriticalGzip()
                                + " gzip, over the budget of "
                                + OPEN_CRITICAL_GZIP_BUDGET);
            }
            if (weight.wholeGzip() > WHOLE_PAGE_GZIP_BUDGET) {
                problems.add(
                        weight.page()
                                + ": the whole page is "
                                + weight.wholeGzip()
                                + " bytes gzip, over the budget of "
                                + WHOLE_PAGE_GZIP_BUDGET);
            }
        }
        return problems;
    }

    private static Path firstPage(Path built) throws IOException {
        try (Stream<Path> walk = Files.walk(built.resolve("apps"))) {
            return walk.filter(path -> path.getFileName().toString().equals("index.html"))
                    .sorted()
                    .findFirst()
                    .orElseThrow();
        }
    }

    private static String randomLetters(int count) {
        Random random = new Random(1);
        StringBuilder letters = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            letters.append((char) ('a' + random.nextInt(26)));
        }
        return letters.toString();
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path source : walk.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }
}
