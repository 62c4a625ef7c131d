package dev.flowfront.generator.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrebuiltScriptsTest {

    private final StaticAssets assets = new StaticAssets();

    @Test
    void prebuiltScriptsEqualFreshMinification() {
        for (String part : new String[] {StaticAssets.CRITICAL, StaticAssets.DEFERRED}) {
            String name = StaticAssets.scriptName(part);
            String source = assets.runtimeScript(part);

            // The build's process-classes phase writes them; an IDE run without it finds none.
            assertThat(PrebuiltScripts.find(name, source))
                    .as("prebuilt %s in target/classes (run mvn process-classes)", name)
                    .contains(ScriptMinifier.minify(name, source));
        }
    }

    @Test
    void findIgnoresChangedSource() {
        String name = StaticAssets.scriptName(StaticAssets.CRITICAL);
        String changed = assets.runtimeScript(StaticAssets.CRITICAL) + "\n// edited\n";

        assertThat(PrebuiltScripts.find(name, changed)).isEmpty();
    }

    @Test
    void findIgnoresUnknownScript() {
        assertThat(PrebuiltScripts.find("other.js", "const a = 1;")).isEmpty();
    }

    @Test
    void mainWritesScriptsWithSourceHashes(@TempDir Path classes) throws IOException {
        PrebuiltScripts.main(new String[] {classes.toString()});

        Path folder = classes.resolve(PrebuiltScripts.FOLDER);
        for (String part : new String[] {StaticAssets.CRITICAL, StaticAssets.DEFERRED}) {
            String name = StaticAssets.scriptName(part);
            String source = assets.runtimeScript(part);
            assertThat(folder.resolve(name))
                    .content(StandardCharsets.UTF_8)
                    .startsWith("'use strict';");
            assertThat(folder.resolve(name + ".source-sha256"))
                    .content(StandardCharsets.UTF_8)
                    .isEqualTo(PrebuiltScripts.sourceHash(source));
        }
    }

    @Test
    void mainRejectsMissingFolder() {
        assertThatThrownBy(() -> PrebuiltScripts.main(new String[0]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("classes folder");
    }
}
