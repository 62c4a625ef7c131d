package dev.flowfront.generator.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.flowfront.generator.api.AppCompiler;
import dev.flowfront.generator.api.CompileOptions;
import dev.flowfront.generator.api.CompileResult;
import dev.flowfront.generator.api.ProblemCollector;
import dev.flowfront.generator.definition.AppDefinition;
import dev.flowfront.generator.render.RenderedPage;
import dev.flowfront.generator.site.SiteContent;
import dev.flowfront.generator.site.StaticAssets;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogContributorTest {

    @TempDir Path output;

    private CompileResult compile(Path appsFolder) {
        AppCompiler compiler =
                new AppCompiler(
                        new StaticAssets(),
                        List.of(new CatalogContributor(CatalogFixtures.BUILD_CLOCK)));
        return compiler.compile(
                CompileOptions.builder()
                        .appsDirectory(appsFolder)
                        .namespaceFilesDirectory(CatalogFixtures.namespaceFiles())
                        .outputDirectory(output)
                        .build());
    }

    @Test
    void linksTilesToCompiledPages() throws IOException {
        CompileResult result = compile(CatalogFixtures.site().resolve("apps"));

        assertThat(result.problems()).filteredOn(problem -> problem.isError()).isEmpty();
        Document index = Jsoup.parse(output.resolve("index.html").toFile());
        assertThat(index.select("li.ff-tile")).hasSize(5);
        for (String href : index.select(".ff-tile-title a").eachAttr("href")) {
            assertThat(output.resolve(href).resolve("index.html")).isRegularFile();
        }
    }

    @Test
    void writesManifestOfEveryApp() throws IOException {
        compile(CatalogFixtures.site().resolve("apps"));

        JsonNode manifest =
                JsonMapper.builder()
                        .build()
                        .readTree(Files.readAllBytes(output.resolve("apps.json")));
        List<String> urls = new ArrayList<>();
        manifest.get("apps").forEach(app -> urls.add(app.get("url").asText()));
        assertThat(urls)
                .hasSize(8)
                .contains("apps/company.ops/admin/", "apps/company.team/survey/");
    }

    @Test
    void listsDuplicatedAppOnce(@TempDir Path appsFolder) throws IOException {
        String app =
                """
                id: twin
                type: io.kestra.plugin.ee.apps.Execution
                namespace: company.team
                flowId: f
                displayName: %s
                """;
        Files.writeString(appsFolder.resolve("a.yaml"), app.formatted("First"));
        Files.writeString(appsFolder.resolve("b.yaml"), app.formatted("Second"));
        List<AppDefinition> apps =
                CatalogFixtures.load(appsFolder).stream().map(CatalogApp::app).toList();
        RenderedPage page =
                new RenderedPage("twin", "company.team", "apps/company.team/twin/index.html", "");
        SiteContent site = new SiteContent();

        new CatalogContributor(CatalogFixtures.BUILD_CLOCK)
                .contribute(
                        apps,
                        List.of(page),
                        CompileOptions.builder().build(),
                        site,
                        new ProblemCollector());

        Document index = Jsoup.parse(new String(site.get("index.html"), StandardCharsets.UTF_8));
        assertThat(index.select(".ff-tile-title"))
                .extracting(Element::text)
                .containsExactly("First");
        assertThat(index.selectFirst(".ff-tile-title a").attr("href"))
                .isEqualTo("apps/company.team/twin/");
    }
}
