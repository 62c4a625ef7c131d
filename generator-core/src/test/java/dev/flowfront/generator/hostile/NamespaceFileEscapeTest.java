package dev.flowfront.generator.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowfront.generator.api.CompileOptions;
import dev.flowfront.generator.api.CompileResult;
import dev.flowfront.generator.api.Problem;
import dev.flowfront.generator.api.TestSites;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Thumbnails that try to leave the namespace-files folder, compiled through {@code AppCompiler}:
 * the build fails at the app's {@code thumbnail} line and column and writes no site.
 */
class NamespaceFileEscapeTest {

    private static final String SECRET_SVG =
            "<svg xmlns=\"http://www.w3.org/2000/svg\"><title>outside-secret</title></svg>";

    @TempDir Path work;

    private HostileSite inputs;
    private Path outside;

    @BeforeEach
    void createFolders() throws IOException {
        inputs = new HostileSite(work);
        outside = Files.writeString(work.resolve("outside.svg"), SECRET_SVG);
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

    private void assertRejectedAtThumbnail(CompileResult result) {
        assertThat(result.hasErrors()).isTrue();
        Problem problem =
                result.problems().stream().filter(Problem::isError).findFirst().orElseThrow();
        assertThat(problem.location().file()).endsWith("escape.yaml");
        assertThat(problem.location().line()).isEqualTo(5);
        assertThat(problem.location().column()).isEqualTo(12);
        assertThat(problem.format()).containsPattern("escape\\.yaml:5:12: ");
        assertThat(inputs.site).doesNotExist();
    }

    @Test
    void rejectsDotDotTraversal() throws IOException {
        inputs.app("escape", "thumbnail: nsfiles:///../../outside.svg\n");

        assertRejectedAtThumbnail(compile());
    }

    @Test
    void rejectsAbsolutePath() throws IOException {
        inputs.app("escape", "thumbnail: nsfiles:///" + outside.toAbsolutePath() + "\n");

        assertRejectedAtThumbnail(compile());
    }

    @Test
    void rejectsFileUriScheme() throws IOException {
        inputs.app("escape", "thumbnail: file://" + outside.toAbsolutePath() + "\n");

        assertRejectedAtThumbnail(compile());
    }

    @Test
    void rejectsSymbolicLinkLeadingOutside() throws IOException {
        Files.createSymbolicLink(
                inputs.namespaceFiles.resolve("company.team").resolve("logo.svg"), outside);
        inputs.app("escape", "thumbnail: nsfiles:///logo.svg\n");

        assertRejectedAtThumbnail(compile());
    }
}
