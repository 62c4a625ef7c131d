package dev.flowfront.generator.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowfront.generator.site.StagingFolder;
import dev.flowfront.generator.site.StaticAssets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An incremental build writes the site and reports the problems a full build does. */
class IncrementalCompilerTest {

    private static final int APP_COUNT = 30;

    @TempDir Path work;

    private ProjectFixture project;
    private IncrementalCompiler incremental;
    private Path fullSite;

    @BeforeEach
    void buildOnce() throws IOException {
        project = new ProjectFixture(work).withApps(APP_COUNT);
        incremental = new IncrementalCompiler(compiler());
        fullSite = work.resolve("full-site");
        assertThat(incremental.compile(project.options().build()).hasErrors()).isFalse();
    }

    private static AppCompiler compiler() {
        return new AppCompiler(
                new StaticAssets(TestSites.class.getClassLoader(), "fixture-runtime/"), 2);
    }

    /**
     * Builds incrementally and from scratch into another folder, and checks that both give the same
     * result and the same folders and files.
     */
    private CompileResult rebuildAndCompare(CompileOptions.Builder options) {
        CompileResult result = incremental.compile(options.build());
        CompileResult full = compiler().compile(options.outputDirectory(fullSite).build());

        assertThat(result.problems()).isEqualTo(full.problems());
        assertThat(result.errorCount()).isEqualTo(full.errorCount());
        assertThat(result.droppedCount()).isEqualTo(full.droppedCount());
        assertThat(result.pages()).isEqualTo(full.pages());
        assertThat(result.written()).isEqualTo(full.written());
        if (full.written()) {
            assertThat(tree(project.site)).isEqualTo(tree(fullSite));
        }
        return result;
    }

    private CompileResult rebuildAndCompare() {
        return rebuildAndCompare(project.options());
    }

    /** Returns every folder and file below a folder, with the content of the files. */
    private static Map<String, String> tree(Path folder) {
        Map<String, String> entries = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path path : walk.toList()) {
                String name = folder.relativize(path).toString().replace('\\', '/');
                entries.put(
                        name,
                        Files.isDirectory(path)
                                ? "<folder>"
                                : new String(
                                        Files.readAllBytes(path), StandardCharsets.ISO_8859_1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }

    /** Gives the file a modification time far from now, as an edit a while ago would. */
    private static void age(Path file) throws IOException {
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(3600)));
    }

    @Test
    void unchangedProjectMatchesFullBuild() {
        CompileResult result = rebuildAndCompare();

        assertThat(result.hasErrors()).isFalse();
        assertThat(result.warningCount()).isEqualTo(6);
        assertThat(incremental.lastReusedCount()).isEqualTo(APP_COUNT);
    }

    @Test
    void changedAppMatchesFullBuild() throws IOException {
        rebuildAndCompare();
        project.writeApp(4, "disabled: true\n");
        project.writeApp(10, "executionId: fixed-execution\n");

        CompileResult result = rebuildAndCompare();

        assertThat(result.hasErrors()).isFalse();
        assertThat(incremental.lastReusedCount()).isEqualTo(APP_COUNT - 2);
        assertThat(Files.readString(project.site.resolve("apps.json")))
                .contains("\"disabled\": true");
    }

    @Test
    void changedFlowMatchesFullBuild() {
        project.writeFlow(8, "  - id: age\n    type: INT\n    description: How old you are\n");

        rebuildAndCompare();

        assertThat(incremental.lastReusedCount()).isEqualTo(APP_COUNT - 1);
        assertThat(project.site.resolve("apps/company.team2/app8/index.html"))
                .content()
                .contains("data-ff-input=\"age\"");
    }

    @Test
    void deletedAppMatchesFullBuild() throws IOException {
        Files.delete(project.appFile(14));

        rebuildAndCompare();

        assertThat(project.site.resolve("apps/company.team2/app14")).doesNotExist();
    }

    @Test
    void addedAppMatchesFullBuild() {
        project.writeApp(APP_COUNT, "");
        project.writeFlow(APP_COUNT, "");

        CompileResult result = rebuildAndCompare();

        assertThat(result.pages()).hasSize(APP_COUNT + 1);
    }

    @Test
    void changedOptionMatchesFullBuild() {
        CompileResult result =
                rebuildAndCompare(
                        project.options()
                                .kestraUrl("https://kestra.example.com")
                                .branding(
                                        new Branding(
                                                "Team apps",
                                                "#112233",
                                                null,
                                                null,
                                                null,
                                                null,
                                                null)));

        assertThat(result.hasErrors()).isFalse();
        assertThat(incremental.lastReusedCount()).isZero();
        assertThat(project.site.resolve("apps/company.team0/app0/index.html"))
                .content()
                .contains("https://kestra.example.com");
    }

    @Test
    void changedNamespaceImageMatchesFullBuild() throws IOException {
        rebuildAndCompare();
        project.writeImage(7, "#ff0000");
        age(project.imageFile(7));

        rebuildAndCompare();

        assertThat(incremental.lastReusedCount()).isEqualTo(APP_COUNT - 1);
        assertThat(tree(project.site).values()).anyMatch(content -> content.contains("#ff0000"));
    }

    @Test
    void removedNamespaceImageMatchesFullBuild() throws IOException {
        Files.delete(project.imageFile(21));

        CompileResult result = rebuildAndCompare();

        assertThat(result.hasErrors()).isTrue();
        assertThat(result.problems()).anyMatch(problem -> problem.message().contains("app21.svg"));
    }

    @Test
    void sameSizeEditAtSameTimeIsSeen() throws IOException {
        Path app = project.appFile(3);
        age(app);
        rebuildAndCompare();
        FileTime time = Files.getLastModifiedTime(app);
        String yaml = Files.readString(app);

        // Same length and modification time, so only the content differs.
        Files.writeString(app, yaml.replace("App number 3", "App number X"));
        Files.setLastModifiedTime(app, time);

        rebuildAndCompare();

        assertThat(project.site.resolve("apps/company.team0/app3/index.html"))
                .content()
                .contains("App number X");
    }

    @Test
    void failedBuildKeepsSiteAndRecovers() throws IOException {
        rebuildAndCompare();
        Map<String, String> before = tree(project.site);
        project.writeApp(5, "layout: 5\n");
        project.writeApp(6, "executionId: fixed-execution\n");

        CompileResult failed = rebuildAndCompare();

        assertThat(failed.hasErrors()).isTrue();
        assertThat(failed.written()).isFalse();
        assertThat(tree(project.site)).isEqualTo(before);

        project.writeApp(5, "");

        assertThat(rebuildAndCompare().hasErrors()).isFalse();
    }

    @Test
    void duplicateAppMatchesFullBuild() {
        ProjectFixture.write(project.apps.resolve("copy.yaml"), readString(project.appFile(2)));

        CompileResult result = rebuildAndCompare();

        assertThat(result.hasErrors()).isTrue();
        assertThat(result.problems()).anyMatch(problem -> problem.message().contains("already"));
    }

    @Test
    void outputDeletedBetweenBuildsIsRebuilt() throws IOException {
        rebuildAndCompare();
        deleteTree(project.site);

        rebuildAndCompare();

        assertThat(project.site.resolve("index.html")).exists();
    }

    @Test
    void spareFolderHoldsPreviousSite() {
        rebuildAndCompare();

        rebuildAndCompare();

        assertThat(StagingFolder.spareOf(project.site)).isDirectory();
        try (Stream<Path> siblings = Files.list(work)) {
            assertThat(siblings.map(path -> path.getFileName().toString()))
                    .noneMatch(name -> name.contains("-new-") || name.contains("-old-"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void randomEditsMatchFullBuilds() throws IOException {
        Random random = new Random(3);
        int next = APP_COUNT;
        for (int step = 0; step < 12; step++) {
            int app = random.nextInt(APP_COUNT);
            switch (random.nextInt(7)) {
                case 0 -> project.writeApp(app, "executionId: edit" + step + "\n");
                case 1 -> project.writeFlow(app, "  - id: extra" + step + "\n    type: STRING\n");
                case 2 -> Files.deleteIfExists(project.appFile(app));
                case 3 -> {
                    project.writeApp(next, "");
                    project.writeFlow(next, "");
                    next++;
                }
                case 4 -> Files.deleteIfExists(project.flowFile(app));
                case 5 -> project.writeImage(app, "#0000" + (10 + step));
                default -> {
                    project.writeApp(app, "");
                    project.writeFlow(app, "");
                }
            }

            rebuildAndCompare();
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static String readString(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
