package dev.flowfront.generator.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.flowfront.generator.api.AppCompiler;
import dev.flowfront.generator.api.CompileOptions;
import dev.flowfront.generator.api.CompileResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogCompileTest {

    @TempDir Path output;

    private CompileResult compile(Path appsFolder) {
        return new AppCompiler()
                .compile(
                        CompileOptions.builder()
                                .appsDirectory(appsFolder)
                                .flowsDirectory(appsFolder.resolveSibling("flows"))
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
}
