package dev.flowfront.generator.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowfront.generator.api.CompileOptions;
import dev.flowfront.generator.api.CompileResult;
import dev.flowfront.generator.api.TestSites;
import dev.flowfront.generator.cli.Main;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Builds that stop half way or fail leave the previous site byte for byte as it was. */
class InterruptedBuildTest {

    /** Enough pages that writing them takes long after the temporary folder appears. */
    private static final int APP_COUNT = 300;

    @TempDir Path work;

    private HostileSite inputs;

    @BeforeEach
    void writeInputs() throws IOException {
        inputs = new HostileSite(work);
        inputs.app("hello", "");
    }

    private CompileResult compile() {
        return TestSites.compiler()
                .compile(
                        CompileOptions.builder()
                                .appsDirectory(inputs.apps)
                                .flowsDirectory(inputs.flows)
                                .namespaceFilesDirectory(inputs.namespaceFiles)
                                .outputDirectory(inputs.site)
                                .build());
    }

    @Test
    void buildWithErrorsChangesNothing() throws IOException {
        assertThat(compile().hasErrors()).isFalse();
        Map<String, String> before = TestSites.snapshot(inputs.site);
        List<String> entriesBefore = siblings();
        inputs.app("extra", "description: a new app that would add a page\n");
        inputs.app(
                "broken",
                "layout:\n  - on: OPEN\n    blocks:\n      - type: io.kestra.plugin.ee.apps.Nope\n");

        CompileResult result = compile();

        assertThat(result.hasErrors()).isTrue();
        assertThat(TestSites.snapshot(inputs.site)).isEqualTo(before);
        assertThat(siblings()).isEqualTo(entriesBefore);
    }

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void killedBuildLeavesPreviousSite() throws Exception {
        assertThat(compile().hasErrors()).isFalse();
        Map<String, String> before = TestSites.snapshot(inputs.site);
        String content = "Some **bold** text and a [link](https://example.com). ".repeat(400);
        for (int i = 0; i < APP_COUNT; i++) {
            inputs.app(
                    "large" + i,
                    "layout:\n  - on: OPEN\n    blocks:\n"
                            + "      - type: io.kestra.plugin.ee.apps.core.blocks.Markdown\n"
                            + "        content: \""
                            + content
                            + "\"\n");
        }

        try (WatchService watcher = FileSystems.getDefault().newWatchService()) {
            work.register(watcher, StandardWatchEventKinds.ENTRY_CREATE);
            Process build = startCliInChildJvm();
            try {
                waitForStagingFolder(watcher, build);
                assertThat(build.isAlive())
                        .as("the build ended before it could be killed; raise APP_COUNT")
                        .isTrue();
                build.destroyForcibly();
                build.waitFor();
            } finally {
                build.destroyForcibly();
            }
        }

        assertThat(TestSites.snapshot(inputs.site)).isEqualTo(before);
    }

    private Process startCliInChildJvm() throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Main.class.getName());
        command.addAll(List.of(inputs.cliArguments()));
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("child.log").toFile())
                .start();
    }

    /** Blocks until the compiler creates its temporary folder next to the site. */
    private void waitForStagingFolder(WatchService watcher, Process build)
            throws InterruptedException {
        String prefix = "." + inputs.site.getFileName() + "-new-";
        while (build.isAlive()) {
            WatchKey key = watcher.poll(100, TimeUnit.MILLISECONDS);
            if (key == null) {
                continue;
            }
            for (WatchEvent<?> event : key.pollEvents()) {
                if (event.context() instanceof Path name && name.toString().startsWith(prefix)) {
                    return;
                }
            }
            key.reset();
        }
    }

    private List<String> siblings() throws IOException {
        try (var list = Files.list(work)) {
            return list.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }
}
