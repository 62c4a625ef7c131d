package dev.flowfront.generator.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.flowfront.generator.api.Branding;
import dev.flowfront.generator.api.ProblemCollector;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Builds the catalog of the real apps in the folder given by {@code -Dflowfront.corpus}. */
class CatalogCorpusTest {

    @TempDir Path output;

    private Path corpus;

    @BeforeEach
    void findCorpus() {
        String folder = System.getProperty("flowfront.corpus", "");
        assumeTrue(!folder.isBlank(), "set -Dflowfront.corpus=DIR to build the real apps' catalog");
        corpus = Path.of(folder);
        assumeTrue(Files.isDirectory(corpus.resolve("apps")), "no apps folder in " + corpus);
    }

    private Document render(ProblemCollector problems) {
        List<CatalogApp> apps = CatalogFixtures.load(corpus.resolve("apps"));
        CatalogOutput result =
                new CatalogRenderer(
                                Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC))
                        .render(
                                apps,
                                Branding.DEFAULT,
                                null,
                                new HashingAssetSink(output),
                                problems);
        return Jsoup.parse(new String(result.files().get("index.html"), StandardCharsets.UTF_8));
    }

    @Test
    void offersRealTagsAsFilterOptions() {
        Document index = render(new ProblemCollector());

        assertThat(index.select("input[name=tag]"))
                .extracting(box -> box.attr("value"))
                .contains(
                        "Platform Team",
                        "Infrastructure",
                        "Reporting",
                        "Analytics",
                        "User Research",
                        "AI");
    }

    @Test
    void listsEveryRealAppWithoutProblems() {
        ProblemCollector problems = new ProblemCollector();

        Document index = render(problems);

        assertThat(index.select("li.ff-tile")).hasSize(7);
        assertThat(problems.sorted()).isEmpty();
    }
}
