package dev.flowfront.generator.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowfront.generator.api.ProblemCollector;
import dev.flowfront.generator.yaml.YamlMap;
import dev.flowfront.generator.yaml.YamlReader;
import dev.flowfront.generator.yaml.YamlScalar;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceTextTest {

    @TempDir Path folder;

    private SourceText sourceText;

    /** Writes the YAML and returns the scalar under {@code key}. */
    private YamlScalar scalar(String yaml, String key) throws IOException {
        Path file = folder.resolve("app.yaml");
        Files.writeString(file, yaml);
        sourceText = new SourceText(Map.of("app.yaml", file));
        YamlMap root =
                (YamlMap) new YamlReader().parse("app.yaml", yaml, new ProblemCollector()).get();
        return (YamlScalar) root.get(key).orElseThrow();
    }

    @Test
    void locatesOffsetInPlainScalar() throws IOException {
        YamlScalar value = scalar("key: hello {{ x }}\n", "key");

        assertThat(sourceText.locate(value, 6).toString()).isEqualTo("app.yaml:1:12");
    }

    @Test
    void locatesOffsetInDoubleQuotedScalar() throws IOException {
        YamlScalar value = scalar("key: \"hello {{ x }}\"\n", "key");

        assertThat(sourceText.locate(value, 6).toString()).isEqualTo("app.yaml:1:13");
    }

    @Test
    void usesScalarStartWhenEscapesShiftColumns() throws IOException {
        YamlScalar value = scalar("key: \"a\\tb {{ x }}\"\n", "key");

        assertThat(sourceText.locate(value, 5).toString()).isEqualTo("app.yaml:1:6");
    }

    @Test
    void locatesOffsetInLiteralBlockWithCrlf() throws IOException {
        YamlScalar value = scalar("key: |\r\n  first\r\n    second {{ x }}\r\n", "key");

        int offset = value.text().indexOf("{{");

        assertThat(sourceText.locate(value, offset).toString()).isEqualTo("app.yaml:3:12");
    }

    @Test
    void usesScalarStartForMultiLinePlainScalar() throws IOException {
        YamlScalar value = scalar("key: first\n  second {{ x }}\n", "key");

        assertThat(sourceText.locate(value, value.text().indexOf("{{")).toString())
                .isEqualTo("app.yaml:1:6");
    }

    @Test
    void usesScalarStartWhenFileIsUnknown() throws IOException {
        YamlScalar value = scalar("key: hello {{ x }}\n", "key");
        SourceText withoutFiles = new SourceText(Map.of());

        assertThat(withoutFiles.locate(value, 6).toString()).isEqualTo("app.yaml:1:6");
    }
}
