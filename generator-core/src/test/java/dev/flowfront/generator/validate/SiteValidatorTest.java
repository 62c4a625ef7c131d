package dev.flowfront.generator.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowfront.generator.api.Problem;
import dev.flowfront.generator.api.ProblemCollector;
import dev.flowfront.generator.api.SourceLocation;
import dev.flowfront.generator.definition.AppDefinition;
import dev.flowfront.generator.definition.FlowDefinition;
import dev.flowfront.generator.load.AppLoader;
import dev.flowfront.generator.load.FlowLoader;
import dev.flowfront.generator.load.SourceFile;
import dev.flowfront.generator.yaml.YamlReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteValidatorTest {

    private static final int BLOCK_COUNT = 120;

    @TempDir Path folder;

    private AppDefinition loadApp(String name, String yaml) throws IOException {
        Path file = folder.resolve(name);
        Files.writeString(file, yaml);
        ProblemCollector loadProblems = new ProblemCollector();
        return new AppLoader(new YamlReader(), loadProblems)
                .load(new SourceFile(file, name))
                .orElseThrow();
    }

    private FlowDefinition loadFlow() throws IOException {
        Path file = folder.resolve("myflow.yaml");
        Files.writeString(file, ValidatorFixture.FLOW);
        return new FlowLoader(new YamlReader(), new ProblemCollector())
                .load(new SourceFile(file, "myflow.yaml"))
                .orElseThrow();
    }

    private static String appWithBadButtons(String id, int count) {
        StringBuilder yaml =
                new StringBuilder(
                        ValidatorFixture.APP_HEADER.replace("my_app", id)
                                + "layout:\n  - on: SUCCESS\n    blocks:\n");
        for (int i = 0; i < count; i++) {
            yaml.append("      - type: io.kestra.plugin.ee.apps.core.blocks.Button\n")
                    .append("        text: Go\n")
                    .append("        url: https://example.com\n")
                    .append("        style: LOUD\n");
        }
        return yaml.toString();
    }

    @Test
    void capsProblemsAndCountsTheRest() throws IOException {
        AppDefinition app = loadApp("app.yaml", appWithBadButtons("my_app", BLOCK_COUNT));
        ProblemCollector problems = new ProblemCollector();

        new SiteValidator().validate(List.of(app), List.of(loadFlow()), problems);

        assertThat(problems.sorted()).hasSize(ProblemCollector.MAX_PROBLEMS);
        assertThat(problems.droppedCount()).isEqualTo(BLOCK_COUNT - ProblemCollector.MAX_PROBLEMS);
        assertThat(problems.errorCount()).isEqualTo(BLOCK_COUNT);
    }

    @Test
    void returnsProblemsSortedByFileLineAndColumn() throws IOException {
        AppDefinition second = loadApp("b.yaml", appWithBadButtons("second", 3));
        AppDefinition first = loadApp("a.yaml", appWithBadButtons("first", 3));
        ProblemCollector problems = new ProblemCollector();

        new SiteValidator().validate(List.of(second, first), List.of(loadFlow()), problems);

        List<SourceLocation> locations = problems.sorted().stream().map(Problem::location).toList();
        assertThat(locations).hasSize(6);
        assertThat(locations).isSortedAccordingTo(Comparator.naturalOrder());
        assertThat(locations.get(0).toString()).isEqualTo("a.yaml:11:16");
        assertThat(locations.get(5).toString()).isEqualTo("b.yaml:19:16");
    }

    @Test
    void reportsSameProblemsOnEveryRun() throws IOException {
        AppDefinition app = loadApp("app.yaml", appWithBadButtons("my_app", 5));
        FlowDefinition flow = loadFlow();
        ProblemCollector firstRun = new ProblemCollector();
        ProblemCollector secondRun = new ProblemCollector();

        new SiteValidator().validate(List.of(app), List.of(flow), firstRun);
        new SiteValidator().validate(List.of(app), List.of(flow), secondRun);

        assertThat(secondRun.sorted()).isEqualTo(firstRun.sorted());
    }
}
