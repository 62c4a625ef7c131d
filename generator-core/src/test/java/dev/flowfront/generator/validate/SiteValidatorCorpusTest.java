package dev.flowfront.generator.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.flowfront.generator.api.Problem;
import dev.flowfront.generator.api.ProblemCollector;
import dev.flowfront.generator.definition.AppDefinition;
import dev.flowfront.generator.definition.FlowDefinition;
import dev.flowfront.generator.load.AppLoader;
import dev.flowfront.generator.load.FlowLoader;
import dev.flowfront.generator.load.SourceFile;
import dev.flowfront.generator.yaml.YamlReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Validates the real Kestra apps and flows of the folder given as {@code -Dflowfront.corpus=DIR}
 * (with {@code apps/} and {@code flows/} inside). Skipped when the property is empty.
 */
class SiteValidatorCorpusTest {

    @Test
    void reportsNoErrorForRealAppsAndFlows() {
        String corpus = System.getProperty("flowfront.corpus", "");
        assumeTrue(!corpus.isBlank(), "set -Dflowfront.corpus=DIR to run");
        Path folder = Path.of(corpus);
        assumeTrue(Files.isDirectory(folder.resolve("apps")), "no apps folder in " + folder);
        ProblemCollector problems = new ProblemCollector();
        YamlReader reader = new YamlReader();
        List<AppDefinition> apps = new ArrayList<>();
        List<FlowDefinition> flows = new ArrayList<>();
        for (SourceFile file : SourceFile.listYaml(List.of(folder.resolve("apps")))) {
            new AppLoader(reader, problems).load(file).ifPresent(apps::add);
        }
        for (SourceFile file : SourceFile.listYaml(List.of(folder.resolve("flows")))) {
            new FlowLoader(reader, problems).load(file).ifPresent(flows::add);
        }

        new SiteValidator().validate(apps, flows, problems);

        assertThat(apps).isNotEmpty();
        assertThat(flows).isNotEmpty();
        assertThat(problems.sorted()).filteredOn(Problem::isError).isEmpty();
    }
}
