package dev.flowfront.generator.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowfront.generator.api.Problem;
import dev.flowfront.generator.api.ProblemCollector;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class YamlReaderTest {

    private final YamlReader reader = new YamlReader();
    private final ProblemCollector problems = new ProblemCollector();

    private Problem onlyProblem() {
        assertThat(problems.sorted()).hasSize(1);
        return problems.sorted().get(0);
    }

    @Test
    void keepsLocationsOfKeysAndValues() {
        YamlMap root =
                (YamlMap)
                        reader.parse("a.yaml", "id: x\nlayout:\n  - on: OPEN\n", problems)
                                .orElseThrow();

        YamlMap entry = (YamlMap) ((YamlList) root.get("layout").orElseThrow()).items().get(0);
        assertThat(entry.keyLocation("on").toString()).isEqualTo("a.yaml:3:5");
        assertThat(entry.valueLocation("on").toString()).isEqualTo("a.yaml:3:9");
        assertThat(((YamlScalar) entry.get("on").orElseThrow()).text()).isEqualTo("OPEN");
    }

    @Test
    void readsYesAndOnAsTextWhenQuotedOrAsKeys() {
        YamlMap root =
                (YamlMap)
                        reader.parse("a.yaml", "on: \"yes\"\nwhen: 2024-12-03\n", problems)
                                .orElseThrow();

        assertThat(root.keys()).containsExactly("on", "when");
        YamlScalar date = (YamlScalar) root.get("when").orElseThrow();
        assertThat(date.text()).isEqualTo("2024-12-03");
        assertThat(date.kind()).isEqualTo(YamlScalar.Kind.STRING);
    }

    @Test
    void reportsDuplicateKeyAtSecondOccurrence() {
        reader.parse("a.yaml", "id: a\nname: b\nid: c\n", problems);

        Problem problem = onlyProblem();
        assertThat(problem.location().toString()).isEqualTo("a.yaml:3:1");
        assertThat(problem.hint()).contains("line 1");
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.SECONDS)
    void rejectsAliasBombWithLocation() {
        StringBuilder yaml = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (char level = 'b'; level <= 'j'; level++) {
            char previous = (char) (level - 1);
            yaml.append(level)
                    .append(": &")
                    .append(level)
                    .append(" [")
                    .append(("*" + previous + ",").repeat(9))
                    .append('*')
                    .append(previous)
                    .append("]\n");
        }

        Optional<YamlNode> root = reader.parse("bomb.yaml", yaml.toString(), problems);

        assertThat(root).isEmpty();
        assertThat(problems.hasErrors()).isTrue();
        Problem first = problems.sorted().get(0);
        assertThat(first.location().line()).isEqualTo(2);
        assertThat(first.message()).contains("alias");
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.SECONDS)
    void rejectsNestingTenThousandDeep() {
        String yaml = "a: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n";

        Optional<YamlNode> root = reader.parse("deep.yaml", yaml, problems);

        assertThat(root).isEmpty();
        Problem problem = onlyProblem();
        assertThat(problem.location().line()).isEqualTo(1);
        assertThat(problem.location().column()).isPositive();
        assertThat(problem.message()).startsWith("invalid YAML");
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.SECONDS)
    void rejectsFiftyMegabyteFileBeforeParsing() {
        byte[] bytes = new byte[50 * 1024 * 1024];
        java.util.Arrays.fill(bytes, (byte) 'a');

        Optional<YamlNode> root = reader.read("huge.yaml", bytes, problems);

        assertThat(root).isEmpty();
        Problem problem = onlyProblem();
        assertThat(problem.location().toString()).isEqualTo("huge.yaml");
        assertThat(problem.message()).contains("52428800 bytes");
    }

    @Test
    void reportsInvalidUtf8WithLineAndColumn() {
        byte[] prefix = "id: ok\nname: caf".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = java.util.Arrays.copyOf(prefix, prefix.length + 2);
        bytes[prefix.length] = (byte) 0xC3;
        bytes[prefix.length + 1] = (byte) 0x28;

        Optional<YamlNode> root = reader.read("latin.yaml", bytes, problems);

        assertThat(root).isEmpty();
        Problem problem = onlyProblem();
        assertThat(problem.location().toString()).isEqualTo("latin.yaml:2:10");
        assertThat(problem.hint()).isEqualTo("Save the file as UTF-8");
    }

    @Test
    void reportsEmptyFile() {
        assertThat(reader.parse("empty.yaml", "", problems)).isEmpty();

        assertThat(onlyProblem().message()).isEqualTo("file is empty");
    }

    @Test
    void suggestsQuotingValueWithColon() {
        reader.parse("a.yaml", "id: a\ndescription: My app: it greets\n", problems);

        Problem problem = onlyProblem();
        assertThat(problem.location().toString()).isEqualTo("a.yaml:2:20");
        assertThat(problem.message()).contains("mapping values are not allowed");
        assertThat(problem.hint()).startsWith("Quote the value");
    }

    @Test
    void pointsAtTabWithSpacesHint() {
        reader.parse("a.yaml", "id: a\nlayout:\n\t- on: OPEN\n", problems);

        Problem problem = onlyProblem();
        assertThat(problem.location().line()).isEqualTo(3);
        assertThat(problem.location().column()).isEqualTo(1);
        assertThat(problem.hint())
                .as("message: %s", problem.message())
                .isEqualTo("Indent with spaces; YAML does not allow tabs");
    }

    @Test
    void suggestsQuotingUnquotedExpression() {
        reader.parse("a.yaml", "id: a\ncontent: {{ inputs.who }}\n", problems);

        Problem problem = onlyProblem();
        assertThat(problem.location().line()).isEqualTo(2);
        assertThat(problem.hint()).contains("content: \"{{ inputs.name }}\"");
    }
}
