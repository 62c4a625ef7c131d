package dev.flowfront.generator.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.flowfront.generator.api.CompileOptions;
import dev.flowfront.generator.api.CompileResult;
import dev.flowfront.generator.api.Problem;
import dev.flowfront.generator.api.TestSites;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Compiles each case under {@code src/test/resources/golden/<case>/} ({@code app.yml} and {@code
 * flow.yml}) and compares the page with {@code expected.html}. On a mismatch the page is written to
 * {@code target/golden-actual/<case>.html}; run with {@code -Dgolden.update=true} to accept it.
 */
class GoldenPageTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static final Path ACTUAL = Path.of("target/golden-actual");

    private static final Pattern ASSET_HASH =
            Pattern.compile(
                    "(assets/(?:[a-z]+/)?(?:flowfront-(?:deferred-)?)?)[0-9a-f]{16}\\.(css|js)");
    private static final Pattern INTEGRITY = Pattern.compile("integrity=\"sha384-[^\"]+\"");

    @TempDir Path work;

    static Stream<String> cases() throws IOException {
        try (Stream<Path> folders = Files.list(GOLDEN)) {
            return folders
                    .filter(Files::isDirectory)
                    .map(folder -> folder.getFileName().toString())
                    .sorted()
                    .toList()
                    .stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void pageMatchesGoldenFile(String name) throws IOException {
        Path folder = GOLDEN.resolve(name);
        Path apps = Files.createDirectories(work.resolve("apps"));
        Path flows = Files.createDirectories(work.resolve("flows"));
        Files.copy(folder.resolve("app.yml"), apps.resolve("app.yml"));
        Files.copy(folder.resolve("flow.yml"), flows.resolve("flow.yml"));
        Path out = work.resolve("site");

        CompileResult result =
                TestSites.compiler()
                        .compile(
                                CompileOptions.builder()
                                        .appsDirectory(apps)
                                        .flowsDirectory(flows)
                                        .outputDirectory(out)
                                        .build());

        assertThat(result.problems()).filteredOn(Problem::isError).isEmpty();
        assertThat(result.pages()).hasSize(1);
        String actual =
                withoutAssetHashes(
                        Files.readString(
                                out.resolve(result.pages().get(0).url()).resolve("index.html"),
                                StandardCharsets.UTF_8));
        Path expectedFile = folder.resolve("expected.html");
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(expectedFile, actual, StandardCharsets.UTF_8);
            return;
        }
        String expected =
                Files.exists(expectedFile)
                        ? withoutAssetHashes(Files.readString(expectedFile, StandardCharsets.UTF_8))
                        : "";
        if (!actual.equals(expected)) {
            Files.createDirectories(ACTUAL);
            Files.writeString(ACTUAL.resolve(name + ".html"), actual, StandardCharsets.UTF_8);
            fail(
                    "Page of golden case '%s' differs from %s (actual written to %s).%n%s%n"
                            + "--- app.yml ---%n%s%n--- flow.yml ---%n%s",
                    name,
                    expectedFile,
                    ACTUAL.resolve(name + ".html"),
                    firstDifference(expected, actual),
                    Files.readString(folder.resolve("app.yml")),
                    Files.readString(folder.resolve("flow.yml")));
        }
    }

    /**
     * Replaces content hashes of linked assets and their integrity values with fixed text, so that
     * a change to the stylesheet does not break every golden page. StaticAssetsTest checks the
     * hashes themselves.
     */
    private static String withoutAssetHashes(String html) {
        return ASSET_HASH
                .matcher(INTEGRITY.matcher(html).replaceAll("integrity=\"sha384-HASH\""))
                .replaceAll("$1HASH.$2");
    }

    /** Describes the first line that differs, with the line before it for context. */
    private static String firstDifference(String expected, String actual) {
        List<String> expectedLines = expected.lines().toList();
        List<String> actualLines = actual.lines().toList();
        int line = 0;
        while (line < expectedLines.size()
                && line < actualLines.size()
                && expectedLines.get(line).equals(actualLines.get(line))) {
            line++;
        }
        String before = line > 0 ? "  " + expectedLines.get(line - 1) + "\n" : "";
        String wanted = line < expectedLines.size() ? expectedLines.get(line) : "<end of file>";
        String got = line < actualLines.size() ? actualLines.get(line) : "<end of file>";
        return "First difference at line "
                + (line + 1)
                + ":\n"
                + before
                + "- "
                + wanted
                + "\n+ "
                + got;
    }
}
