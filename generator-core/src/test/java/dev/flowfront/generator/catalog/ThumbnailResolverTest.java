package dev.flowfront.generator.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowfront.generator.api.Problem;
import dev.flowfront.generator.api.ProblemCollector;
import dev.flowfront.generator.definition.AppDefinition;
import dev.flowfront.generator.load.AppLoader;
import dev.flowfront.generator.load.SourceFile;
import dev.flowfront.generator.yaml.YamlReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThumbnailResolverTest {

    private static final byte[] PNG_HEADER = {
        (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13
    };

    @TempDir Path folder;

    private Path namespaceFiles;
    private Path teamFolder;
    private final ProblemCollector problems = new ProblemCollector();

    @BeforeEach
    void createFolders() throws IOException {
        namespaceFiles = Files.createDirectories(folder.resolve("nsfiles"));
        teamFolder = Files.createDirectories(namespaceFiles.resolve("company.team"));
    }

    private AppDefinition app(String thumbnail) throws IOException {
        Path file = folder.resolve("app.yaml");
        Files.writeString(
                file,
                """
                id: hello
                type: io.kestra.plugin.ee.apps.Execution
                namespace: company.team
                flowId: myflow
                thumbnail: %s
                """
                        .formatted(thumbnail));
        ProblemCollector loadProblems = new ProblemCollector();
        AppDefinition app =
                new AppLoader(new YamlReader(), loadProblems)
                        .load(SourceFile.of(file))
                        .orElseThrow();
        assertThat(loadProblems.sorted()).isEmpty();
        return app;
    }

    private Optional<ImageFile> resolve(String thumbnail) throws IOException {
        return new ThumbnailResolver(namespaceFiles, new SvgSanitizer())
                .resolve(app(thumbnail), problems);
    }

    private Problem onlyProblem() {
        assertThat(problems.sorted()).hasSize(1);
        return problems.sorted().get(0);
    }

    @Test
    void readsPngInsideNamespaceFolder() throws IOException {
        Files.createDirectories(teamFolder.resolve("img"));
        Files.write(teamFolder.resolve("img/logo.png"), PNG_HEADER);

        Optional<ImageFile> image = resolve("nsfiles:///img/logo.png");

        assertThat(image).isPresent();
        assertThat(image.get().type()).isEqualTo(ImageType.PNG);
        assertThat(image.get().content()).isEqualTo(PNG_HEADER);
        assertThat(problems.sorted()).isEmpty();
    }

    @Test
    void reportsDotDotEscapeAtThumbnailValue() throws IOException {
        Files.writeString(
                folder.resolve("secret.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");

        Optional<ImageFile> image = resolve("nsfiles:///../../secret.svg");

        assertThat(image).isEmpty();
        Problem problem = onlyProblem();
        assertThat(problem.isError()).isTrue();
        assertThat(problem.location().file()).endsWith("app.yaml");
        assertThat(problem.location().line()).isEqualTo(5);
        assertThat(problem.location().column()).isEqualTo(12);
        assertThat(problem.message())
                .isEqualTo(
                        "thumbnail 'nsfiles:///../../secret.svg' points outside the namespace"
                                + " files folder of company.team (app 'hello')");
        assertThat(problem.hint()).contains("without '..' or a symbolic link");
    }

    @Test
    void reportsSymbolicLinkLeadingOutside() throws IOException {
        Path secret = Files.writeString(folder.resolve("secret.svg"), "<svg/>");
        Files.createSymbolicLink(teamFolder.resolve("logo.svg"), secret);

        Optional<ImageFile> image = resolve("nsfiles:///logo.svg");

        assertThat(image).isEmpty();
        Problem problem = onlyProblem();
        assertThat(problem.isError()).isTrue();
        assertThat(problem.location().line()).isEqualTo(5);
        assertThat(problem.message()).contains("points outside the namespace files folder");
    }

    @Test
    void reportsLinkedFolderLeadingOutside() throws IOException {
        Path outside = Files.createDirectories(folder.resolve("outside"));
        Files.write(outside.resolve("logo.png"), PNG_HEADER);
        Files.createSymbolicLink(teamFolder.resolve("shared"), outside);

        Optional<ImageFile> image = resolve("nsfiles:///shared/logo.png");

        assertThat(image).isEmpty();
        assertThat(onlyProblem().message()).contains("points outside the namespace files folder");
    }

    @Test
    void acceptsSymbolicLinkStayingInside() throws IOException {
        Path real = Files.write(teamFolder.resolve("real.png"), PNG_HEADER);
        Files.createSymbolicLink(teamFolder.resolve("alias.png"), real);

        Optional<ImageFile> image = resolve("nsfiles:///alias.png");

        assertThat(image).isPresent();
        assertThat(problems.sorted()).isEmpty();
    }

    @Test
    void reportsAbsolutePath() throws IOException {
        Optional<ImageFile> image = resolve("nsfiles:////etc/passwd");

        assertThat(image).isEmpty();
        assertThat(onlyProblem().message()).contains("points outside the namespace files folder");
    }

    @Test
    void reportsMissingFile() throws IOException {
        Optional<ImageFile> image = resolve("nsfiles:///img/none.png");

        assertThat(image).isEmpty();
        Problem problem = onlyProblem();
        assertThat(problem.isError()).isTrue();
        assertThat(problem.location().line()).isEqualTo(5);
        assertThat(problem.message())
                .startsWith("thumbnail 'nsfiles:///img/none.png' names ")
                .contains("company.team/img/none.png")
                .endsWith(", which does not exist (app 'hello')");
    }

    @Test
    void reportsContentNotMatchingExtension() throws IOException {
        Files.writeString(teamFolder.resolve("fake.png"), "<svg/>");

        Optional<ImageFile> image = resolve("nsfiles:///fake.png");

        assertThat(image).isEmpty();
        assertThat(onlyProblem().message()).contains("whose content is not a PNG image");
    }

    @Test
    void reportsUnsupportedExtension() throws IOException {
        Files.writeString(teamFolder.resolve("logo.bmp"), "BM");

        Optional<ImageFile> image = resolve("nsfiles:///logo.bmp");

        assertThat(image).isEmpty();
        Problem problem = onlyProblem();
        assertThat(problem.message()).contains("is not an accepted image type");
        assertThat(problem.hint()).isEqualTo("Use an svg, png, jpg, jpeg, gif or webp image");
    }

    @Test
    void recognisesJpegGifAndWebpSignatures() throws IOException {
        Files.write(
                teamFolder.resolve("a.jpeg"),
                new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, 0});
        Files.writeString(teamFolder.resolve("b.gif"), "GIF89a....");
        Files.writeString(teamFolder.resolve("c.webp"), "RIFF\0\0\0\0WEBPVP8 ");

        assertThat(resolve("nsfiles:///a.jpeg").orElseThrow().type()).isEqualTo(ImageType.JPEG);
        assertThat(resolve("nsfiles:///b.gif").orElseThrow().type()).isEqualTo(ImageType.GIF);
        assertThat(resolve("nsfiles:///c.webp").orElseThrow().type()).isEqualTo(ImageType.WEBP);
        assertThat(problems.sorted()).isEmpty();
    }

    @Test
    void sanitizesSvgAndNamesFileInWarning() throws IOException {
        Files.writeString(
                teamFolder.resolve("logo.svg"),
                "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>x()</script></svg>");

        Optional<ImageFile> image = resolve("nsfiles:///logo.svg");

        assertThat(new String(image.orElseThrow().content(), StandardCharsets.UTF_8))
                .doesNotContain("script");
        Problem warning = onlyProblem();
        assertThat(warning.isError()).isFalse();
        assertThat(warning.location().file()).endsWith("company.team/logo.svg");
        assertThat(warning.message())
                .contains("thumbnail of app 'hello'")
                .contains("company.team/logo.svg");
    }

    @Test
    void reportsValueWithoutNsfilesScheme() throws IOException {
        Optional<ImageFile> image = resolve("https://example.com/logo.png");

        assertThat(image).isEmpty();
        assertThat(onlyProblem().message())
                .isEqualTo(
                        "thumbnail 'https://example.com/logo.png' is not a namespace file URI (app 'hello')");
    }

    @Test
    void reportsMissingNamespaceFilesFolder() throws IOException {
        AppDefinition app = app("nsfiles:///logo.png");

        Optional<ImageFile> image =
                new ThumbnailResolver(null, new SvgSanitizer()).resolve(app, problems);

        assertThat(image).isEmpty();
        assertThat(onlyProblem().message()).contains("the build has no namespace files folder");
    }
}
