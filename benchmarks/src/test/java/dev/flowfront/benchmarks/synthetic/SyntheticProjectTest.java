package dev.flowfront.benchmarks.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowfront.generator.api.Problem;
import dev.flowfront.generator.api.ProblemCollector;
import dev.flowfront.generator.definition.AppDefinition;
import dev.flowfront.generator.definition.FlowDefinition;
import dev.flowfront.generator.load.AppLoader;
import dev.flowfront.generator.load.FlowLoader;
import dev.flowfront.generator.load.SourceFile;
import dev.flowfront.generator.yaml.YamlReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticProjectTest {

    @TempDir Path folder;

    @Test
    void sameSeedGivesSameApps() {
        List<SyntheticApp> first = new SyntheticProject(7).apps(20);
        List<SyntheticApp> second = new SyntheticProject(7).apps(20);

        assertThat(second).isEqualTo(first);
    }

    @Test
    void smallProjectIsPrefixOfLargerOne() {
        SyntheticProject project = new SyntheticProject(7);

        assertThat(project.apps(50)).isEqualTo(project.apps(100).subList(0, 50));
    }

    @Test
    void otherSeedGivesOtherApps() {
        assertThat(new SyntheticProject(8).app(3)).isNotEqualTo(new SyntheticProject(7).app(3));
    }

    @Test
    void hundredAppsCoverEveryStageAndInputType() {
        List<SyntheticApp> apps = new SyntheticProject(42).apps(100);
        Set<String> stages = new HashSet<>();
        Set<String> types = new HashSet<>();
        apps.forEach(app -> stages.addAll(app.stages()));
        apps.forEach(app -> app.inputs().forEach(input -> types.add(input.type())));

        assertThat(stages).containsExactlyInAnyOrderElementsOf(SyntheticProject.STAGES);
        assertThat(types).containsExactlyInAnyOrderElementsOf(InputFactory.TYPES);
    }

    @Test
    void formsHoldThreeToTwentyInputs() {
        for (SyntheticApp app : new SyntheticProject(42).apps(300)) {
            assertThat(app.inputs()).hasSizeBetween(3, 20);
        }
    }

    @Test
    void markdownAddsUpToAboutOneToThreeKilobytes() {
        for (SyntheticApp app : new SyntheticProject(42).apps(300)) {
            assertThat(app.markdownBytes()).as(app.appId()).isBetween(850, 3072);
        }
    }

    @Test
    void appsHoldEachKindOfExpression() {
        String yaml =
                String.join(
                        "\n",
                        new SyntheticProject(42)
                                .apps(100).stream().map(SyntheticApp::appYaml).toList());

        assertThat(yaml).contains("{{ inputs.", "{{ outputs.compute_", "{{ app.url }}");
    }

    @Test
    void pausedFlowsHaveResumeInputs() {
        List<SyntheticApp> paused =
                new SyntheticProject(42)
                        .apps(100).stream().filter(app -> app.stages().contains("PAUSE")).toList();

        assertThat(paused).isNotEmpty();
        for (SyntheticApp app : paused) {
            assertThat(app.flowYaml()).contains("io.kestra.plugin.core.flow.Pause", "onResume:");
        }
    }

    @Test
    void selfContainedAppsNeedNoTyping() {
        List<SyntheticApp> apps =
                new SyntheticProject(42)
                        .apps(100).stream().filter(SyntheticApp::selfContained).toList();

        assertThat(apps).hasSize(10);
        for (SyntheticApp app : apps) {
            assertThat(app.inputs()).allMatch(SyntheticInput::optional);
            assertThat(app.stages()).doesNotContain("PAUSE");
        }
    }

    @Test
    void writtenFilesLoadWithoutProblems() throws IOException {
        SyntheticProject.write(folder, new SyntheticProject(42).apps(100));
        ProblemCollector problems = new ProblemCollector();
        AppLoader apps = new AppLoader(new YamlReader(), problems);
        FlowLoader flows = new FlowLoader(new YamlReader(), problems);

        List<Optional<AppDefinition>> loadedApps =
                yamlFiles(folder.resolve("apps")).stream().map(apps::load).toList();
        List<Optional<FlowDefinition>> loadedFlows =
                yamlFiles(folder.resolve("flows")).stream().map(flows::load).toList();

        assertThat(problems.sorted()).extracting(Problem::format).isEmpty();
        assertThat(loadedApps).hasSize(100).allMatch(Optional::isPresent);
        assertThat(loadedFlows).hasSize(100).allMatch(Optional::isPresent);
    }

    @Test
    void writesThumbnailsAppsReferTo() throws IOException {
        List<SyntheticApp> written = new SyntheticProject(42).apps(100);
        SyntheticProject.write(folder, written);

        List<SyntheticApp> withThumbnail =
                written.stream().filter(app -> app.thumbnail() != null).toList();
        assertThat(withThumbnail).isNotEmpty();
        for (SyntheticApp app : withThumbnail) {
            Path svg =
                    folder.resolve("namespace-files")
                            .resolve(app.namespace())
                            .resolve(app.thumbnail());
            assertThat(svg).isRegularFile();
        }
    }

    @Test
    void hugoPageCarriesAppMarkdownAndInputs() {
        SyntheticApp app = new SyntheticProject(42).app(5);

        String page = HugoSite.page(app);

        assertThat(page).startsWith("---\ntitle: ");
        assertThat(page).contains(app.markdown().get(0));
        for (SyntheticInput input : app.inputs()) {
            assertThat(page).contains("| " + input.displayName() + " | " + input.type() + " |");
        }
    }

    private static List<SourceFile> yamlFiles(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(path -> path.toString().endsWith(".yaml"))
                    .sorted()
                    .map(SourceFile::of)
                    .toList();
        }
    }
}
