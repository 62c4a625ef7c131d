package dev.flowfront.generator.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowfront.generator.api.TestSites;
import dev.flowfront.generator.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile app files run end to end through the command line: each ends in exit code 1, a located
 * error naming the file, and an unchanged previous site, within a bounded time.
 */
class MalformedAppFileTest {

    @TempDir Path work;

    private HostileSite inputs;
    private Map<String, String> previousSite;
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void buildPreviousSite() throws IOException {
        inputs = new HostileSite(work);
        inputs.app("hello", "");
        assertThat(runCli()).isEqualTo(Main.OK);
        previousSite = TestSites.snapshot(inputs.site);
        err.reset();
    }

    private int runCli() {
        return Main.run(
                inputs.cliArguments(),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private void assertLocatedErrorAndSiteKept(String locationPattern) {
        String stderr = err.toString(StandardCharsets.UTF_8);
        assertThat(stderr).containsPattern("(?m)^\\S*" + locationPattern + ": ");
        assertThat(TestSites.snapshot(inputs.site)).isEqualTo(previousSite);
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void aliasBombFailsWithLocation() throws IOException {
        StringBuilder yaml = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int level = 1; level < 12; level++) {
            String previous = "*a" + (level - 1);
            yaml.append("a")
                    .append(level)
                    .append(": &a")
                    .append(level)
                    .append(" [")
                    .append(String.join(", ", java.util.Collections.nCopies(10, previous)))
                    .append("]\n");
        }
        inputs.app("bomb", yaml.toString());

        int code = runCli();

        assertThat(code).isEqualTo(Main.INPUT_ERRORS);
        assertLocatedErrorAndSiteKept("bomb\\.yaml:\\d+:\\d+");
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void nestingTenThousandDeepFailsWithLocation() throws IOException {
        inputs.app("deep", "layout: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n");

        int code = runCli();

        assertThat(code).isEqualTo(Main.INPUT_ERRORS);
        assertLocatedErrorAndSiteKept("deep\\.yaml:\\d+:\\d+");
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void fiftyMegabyteFileFailsWithLocation() throws IOException {
        Path file = inputs.app("huge", "description: |\n");
        byte[] line =
                "  0123456789012345678901234567890123456789012345678901234567890\n".getBytes();
        try (var out = Files.newOutputStream(file, java.nio.file.StandardOpenOption.APPEND)) {
            for (long written = 0; written < 50L * 1024 * 1024; written += line.length) {
                out.write(line);
            }
        }

        int code = runCli();

        // The size is checked before parsing, so the error names the file without a line.
        assertThat(code).isEqualTo(Main.INPUT_ERRORS);
        assertLocatedErrorAndSiteKept("huge\\.yaml");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("larger than");
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void invalidUtf8FailsWithLocation() throws IOException {
        Path file = inputs.app("latin", "");
        Files.write(
                file,
                new byte[] {
                    'd',
                    'e',
                    's',
                    'c',
                    'r',
                    'i',
                    'p',
                    't',
                    'i',
                    'o',
                    'n',
                    ':',
                    ' ',
                    (byte) 0xC3,
                    (byte) 0x28,
                    '\n'
                },
                java.nio.file.StandardOpenOption.APPEND);

        int code = runCli();

        assertThat(code).isEqualTo(Main.INPUT_ERRORS);
        assertLocatedErrorAndSiteKept("latin\\.yaml:\\d+:\\d+");
    }
}
