package dev.flowfront.generator.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowfront.generator.api.GeneratorException;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StaticAssetsTest {

    @TempDir Path work;

    private StaticAssets assetsIn(Path folder) throws IOException {
        ClassLoader loader =
                new URLClassLoader(
                        new URL[] {work.toUri().toURL()}, StaticAssetsTest.class.getClassLoader());
        return new StaticAssets(
                loader, work.relativize(folder).toString().replace('\\', '/') + "/");
    }

    @Test
    void wrapsRuntimeInStrictFunction() {
        StaticAssets assets = new StaticAssets(getClass().getClassLoader(), "fixture-runtime/");

        String script = assets.runtimeScript(StaticAssets.CRITICAL);

        assertThat(script).startsWith("(function () {\n'use strict';\n");
        assertThat(script).endsWith("})();\n");
        assertThat(script.indexOf("const fixtureFirst"))
                .isLessThan(script.indexOf("const fixtureSecond"));
        assertThat(script).doesNotContain("fixtureLater");
    }

    @Test
    void readsDeferredScriptFromItsOwnManifest() {
        StaticAssets assets = new StaticAssets(getClass().getClassLoader(), "fixture-runtime/");

        String script = assets.runtimeScript(StaticAssets.DEFERRED);

        assertThat(script).startsWith("(function () {\n'use strict';\n");
        assertThat(script).contains("const fixtureLater");
        assertThat(script).doesNotContain("fixtureFirst");
    }

    @Test
    void failsWhenManifestIsMissing() throws IOException {
        Path runtime = Files.createDirectories(work.resolve("runtime"));
        Files.createDirectories(runtime.resolve("critical"));

        assertThatThrownBy(() -> assetsIn(runtime).runtimeScript(StaticAssets.CRITICAL))
                .isInstanceOf(GeneratorException.class)
                .hasMessageContaining("runtime manifest")
                .hasMessageContaining("critical/manifest.txt");
    }

    @Test
    void failsWhenManifestListsNoFile() throws IOException {
        Path runtime = Files.createDirectories(work.resolve("runtime").resolve("deferred"));
        Files.writeString(runtime.resolve("manifest.txt"), "# nothing yet\n\n");

        assertThatThrownBy(() -> assetsIn(runtime.getParent()).runtimeScript(StaticAssets.DEFERRED))
                .isInstanceOf(GeneratorException.class)
                .hasMessageContaining("lists no files");
    }

    @Test
    void failsWhenManifestNamesMissingFile() throws IOException {
        Path runtime = Files.createDirectories(work.resolve("runtime").resolve("critical"));
        Files.writeString(runtime.resolve("manifest.txt"), "boot.js\n");

        assertThatThrownBy(() -> assetsIn(runtime.getParent()).runtimeScript(StaticAssets.CRITICAL))
                .isInstanceOf(GeneratorException.class)
                .hasMessageContaining("boot.js");
    }

    @Test
    void addsHashedScriptsAndStylesheet() {
        SiteContent site = new SiteContent();

        StaticAssets.Links links =
                new StaticAssets(getClass().getClassLoader(), "fixture-runtime/").addTo(site);

        assertThat(links.script()).matches("assets/flowfront-[0-9a-f]{16}\\.js");
        assertThat(links.deferredScript()).matches("assets/flowfront-deferred-[0-9a-f]{16}\\.js");
        assertThat(links.stylesheet()).matches("assets/flowfront-[0-9a-f]{16}\\.css");
        assertThat(new String(site.get(links.stylesheet()), StandardCharsets.UTF_8))
                .contains(".ff-app");
        assertThat(links.scriptIntegrity())
                .isEqualTo(SiteContent.integrity(site.get(links.script())));
        assertThat(links.deferredScriptIntegrity())
                .isEqualTo(SiteContent.integrity(site.get(links.deferredScript())));
    }
}
