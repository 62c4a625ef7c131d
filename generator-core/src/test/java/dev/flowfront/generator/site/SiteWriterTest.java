package dev.flowfront.generator.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowfront.generator.api.GeneratorException;
import dev.flowfront.generator.api.TestSites;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteWriterTest {

    @TempDir Path work;

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void writesFilesInNestedFolders() throws IOException {
        Path out = work.resolve("site");

        new SiteWriter().write(out, Map.of("a/b/c.txt", bytes("c"), "top.txt", bytes("t")));

        assertThat(Files.readString(out.resolve("a/b/c.txt"))).isEqualTo("c");
        assertThat(Files.readString(out.resolve("top.txt"))).isEqualTo("t");
    }

    @Test
    void failedWriteLeavesPreviousOutputAndNoTemporaryFolder() throws IOException {
        Path out = work.resolve("site");
        new SiteWriter().write(out, Map.of("index.html", bytes("old")));
        Map<String, String> before = TestSites.snapshot(out);
        // A file and a folder cannot share the path "page", so the second write fails midway.
        Map<String, byte[]> conflicting = new TreeMap<>();
        conflicting.put("page", bytes("file"));
        conflicting.put("page/index.html", bytes("nested"));

        assertThatThrownBy(() -> new SiteWriter().write(out, conflicting))
                .isInstanceOf(GeneratorException.class)
                .hasMessageContaining(out.toString());

        assertThat(TestSites.snapshot(out)).isEqualTo(before);
        try (Stream<Path> entries = Files.list(work)) {
            assertThat(entries.map(path -> path.getFileName().toString())).containsExactly("site");
        }
    }

    @Test
    void rejectsPathOutsideOutput() {
        Path out = work.resolve("site");

        assertThatThrownBy(() -> new SiteWriter().write(out, Map.of("../evil.txt", bytes("x"))))
                .isInstanceOf(GeneratorException.class)
                .hasMessageContaining("escapes");
        assertThat(work.resolve("evil.txt")).doesNotExist();
    }

    @Test
    void rejectsOutputThatIsAFile() throws IOException {
        Path out = Files.writeString(work.resolve("site"), "not a folder");

        assertThatThrownBy(() -> new SiteWriter().write(out, Map.of("a.txt", bytes("a"))))
                .isInstanceOf(GeneratorException.class)
                .hasMessageContaining("not a folder");
        assertThat(Files.readString(out)).isEqualTo("not a folder");
    }
}
