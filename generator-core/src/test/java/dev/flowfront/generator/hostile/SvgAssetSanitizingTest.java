package dev.flowfront.generator.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowfront.generator.api.Branding;
import dev.flowfront.generator.api.CompileOptions;
import dev.flowfront.generator.api.CompileResult;
import dev.flowfront.generator.api.TestSites;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An SVG banner and an SVG thumbnail full of active content, compiled into a site: every stored SVG
 * is free of scripts, foreignObject, event attributes, javascript: URLs and external references,
 * and the build warns once per removal.
 */
class SvgAssetSanitizingTest {

    private static final String HOSTILE_SVG =
            """
            <svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"
                 onload="window.__ffxss=1" width="10" height="10">
              <script>window.__ffxss=2</script>
              <script xlink:href="https://xss.invalid/x.js"/>
              <foreignObject><div xmlns="http://www.w3.org/1999/xhtml">
                <img src="x" onerror="window.__ffxss=3"/></div></foreignObject>
              <a xlink:href="javascript:window.__ffxss=4"><rect width="5" height="5"/></a>
              <a href="JaVaScRiPt:window.__ffxss=5"><circle r="2"/></a>
              <image href="https://xss.invalid/pixel.png" width="1" height="1"/>
              <use href="https://xss.invalid/sprite.svg#x"/>
              <rect width="1" height="1" style="fill:url(https://xss.invalid/f)"/>
              <set attributeName="onmouseover" to="window.__ffxss=6"/>
              <animate attributeName="href" to="javascript:window.__ffxss=7"/>
              <rect width="3" height="3" fill="#123456"/>
            </svg>
            """;

    @TempDir Path work;

    private HostileSite inputs;
    private Path banner;

    @BeforeEach
    void writeInputs() throws IOException {
        inputs = new HostileSite(work);
        Files.writeString(
                inputs.namespaceFiles.resolve("company.team").resolve("thumb.svg"), HOSTILE_SVG);
        banner =
                Files.writeString(
                        work.resolve("banner.svg"), HOSTILE_SVG.replace("#123456", "#654321"));
        inputs.app("pictured", "thumbnail: nsfiles:///thumb.svg\n");
    }

    private CompileResult compile() {
        return TestSites.compiler()
                .compile(
                        CompileOptions.builder()
                                .appsDirectory(inputs.apps)
                                .flowsDirectory(inputs.flows)
                                .namespaceFilesDirectory(inputs.namespaceFiles)
                                .outputDirectory(inputs.site)
                                .branding(
                                        new Branding(
                                                "Catalog", null, null, null, null, null, banner))
                                .build());
    }

    @Test
    void storesOnlyInertSvgFiles() {
        CompileResult result = compile();

        assertThat(result.hasErrors()).as("problems: %s", result.problems()).isFalse();
        Map<String, String> svgFiles = TestSites.snapshot(inputs.site);
        svgFiles.keySet().removeIf(path -> !path.endsWith(".svg"));
        assertThat(svgFiles).as("banner and thumbnail").hasSize(2);
        svgFiles.forEach(
                (path, svg) -> {
                    String lower = svg.toLowerCase(java.util.Locale.ROOT);
                    assertThat(lower).as(path).doesNotContain("<script");
                    assertThat(lower).as(path).doesNotContain("foreignobject");
                    assertThat(lower).as(path).doesNotContainPattern("\\son[a-z]+\\s*=");
                    assertThat(lower).as(path).doesNotContain("javascript:");
                    assertThat(lower).as(path).doesNotContain("xss.invalid");
                    assertThat(lower).as(path).doesNotContain("__ffxss");
                    assertThat(lower).as(path).containsPattern("#123456|#654321");
                });
    }

    @Test
    void warnsForEachFileThatLostContent() {
        CompileResult result = compile();

        assertThat(result.problems())
                .filteredOn(problem -> !problem.isError())
                .anySatisfy(problem -> assertThat(problem.format()).contains("banner.svg"))
                .anySatisfy(problem -> assertThat(problem.format()).contains("thumb.svg"));
    }
}
