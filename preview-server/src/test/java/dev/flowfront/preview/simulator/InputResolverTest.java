package dev.flowfront.preview.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.flowfront.generator.api.ProblemCollector;
import dev.flowfront.generator.definition.FlowDefinition;
import dev.flowfront.generator.definition.InputDefinition;
import dev.flowfront.generator.load.FlowLoader;
import dev.flowfront.generator.load.SourceFile;
import dev.flowfront.generator.yaml.YamlReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InputResolverTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path temp;

    private InputDefinition input(String yaml) throws Exception {
        Path file = temp.resolve("flow.yaml");
        Files.writeString(
                file,
                "id: f\nnamespace: n\ninputs:\n  - "
                        + yaml.replace("\n", "\n    ")
                        + "\ntasks: []\n");
        ProblemCollector problems = new ProblemCollector();
        FlowDefinition flow =
                new FlowLoader(new YamlReader(), problems).load(SourceFile.of(file)).orElseThrow();
        assertThat(problems.hasErrors()).as(problems.sorted().toString()).isFalse();
        return flow.inputs().get(0);
    }

    private ResolvedInput resolve(InputDefinition definition, String value) {
        ExpressionRenderer renderer = new ExpressionRenderer(JSON, Map.of(), id -> "");
        InputResolver resolver =
                new InputResolver(
                        renderer, JSON, new ObjectMapper(new YAMLFactory()), new FileStore());
        Map<String, InputValue> sent = new HashMap<>();
        if (value != null) {
            sent.put(definition.id(), InputValue.text(value));
        }
        return resolver.resolve(
                        List.of(definition), sent, Map.of(), "kestra:///n/f/executions/x/", false)
                .get(0);
    }

    @ParameterizedTest(name = "{0} {1} ''{2}''")
    @CsvSource(
            delimiter = '|',
            value = {
                "INT      | min: 1              | 7                      | 7",
                "INT      | max: 5              | 7                      | it must be less than `5`",
                "INT      | min: 1              | 7.0                    | For input string: \"7.0\"",
                "FLOAT    | max: 2.5            | 2.5                    | 2.5",
                "FLOAT    | min: 1              | 0.5                    | it must be more than `1`",
                "BOOL     | required: true      | yes                    | false",
                "BOOL     | required: true      | TRUE                   | true",
                "DATETIME | after: '2025-01-01T00:00:00Z' | 2025-06-01T08:30:00+02:00 | 2025-06-01T06:30:00Z",
                "DATETIME | required: true      | 2025-06-01T08:30:00    | Text '2025-06-01T08:30:00' could not be parsed",
                "DATE     | before: '2025-12-31' | 2026-01-01            | it must be before `2025-12-31`",
                "TIME     | after: '08:00'      | 07:59                  | it must be after `08:00`",
                "TIME     | required: true      | 14:30:15               | 14:30:15",
                "DURATION | max: PT1H           | PT2H                   | It must be less than `PT1H`",
                "DURATION | min: PT1M           | PT30M                  | PT30M",
                "EMAIL    | required: true      | ada@example.com        | ada@example.com",
                "EMAIL    | required: true      | ada'x@example.com      | The input must be a valid email",
                "URI      | required: true      | example.com/path       | Invalid URI format.",
                "URI      | required: true      | https://example.com    | https://example.com",
                "JSON     | required: true      | '{\"a\": [1]}'         | {\"a\":[1]}",
                "JSON     | required: true      | '{a'                   | Invalid JSON",
                "YAML     | required: true      | 'a: 1'                 | {\"a\":1}",
                "SELECT   | values: [a, b]      | c                      | it must match the values `[a, b]`",
                "ENUM     | values: [a, b]      | b                      | b",
                "STRING   | validator: '^.{3,5}$' | ab                   | it must match the pattern `^.{3,5}$`",
            })
    void resolvesByKestraRules(String type, String property, String value, String expected)
            throws Exception {
        ResolvedInput resolved = resolve(input("id: x\ntype: " + type + "\n" + property), value);

        String actual =
                resolved.errors().isEmpty()
                        ? (resolved.value() instanceof String text
                                ? text
                                : JSON.writeValueAsString(resolved.value()))
                        : resolved.errors().get(0);
        assertThat(actual).contains(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "optional SELECT accepts any value | SELECT | 'values: [a]\nrequired: false' | z | z",
                "custom value allowed              | SELECT | 'values: [a]\nallowCustomValue: true' | z | z",
                "autoSelectFirst gives default     | SELECT | 'values: [a, b]\nautoSelectFirst: true' | | a",
                "empty string is a STRING value    | STRING | 'required: true' | '' | ''",
            })
    void appliesSelectQuirks(
            String name, String type, String properties, String value, String expected)
            throws Exception {
        ResolvedInput resolved = resolve(input("id: x\ntype: " + type + "\n" + properties), value);

        assertThat(resolved.errors()).isEmpty();
        assertThat(String.valueOf(resolved.value() == null ? "" : resolved.value()))
                .isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "expression renders values | '[\"x\", \"y\"]' | y | y",
                "value outside rendered    | '[\"x\", \"y\"]' | z | it must match the values `[x, y]`",
            })
    void rendersSelectExpression(String name, String list, String value, String expected)
            throws Exception {
        InputDefinition definition =
                input("id: x\ntype: SELECT\nexpression: '" + list.replace("'", "''") + "'");

        ResolvedInput resolved = resolve(definition, value);

        String actual =
                resolved.errors().isEmpty()
                        ? String.valueOf(resolved.value())
                        : resolved.errors().get(0);
        assertThat(actual).contains(expected);
        assertThat(resolved.definition().values()).containsExactly("x", "y");
    }
}
