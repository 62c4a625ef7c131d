package dev.flowfront.generator.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowfront.generator.api.GeneratorException;
import dev.flowfront.generator.api.TestSites;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

    @Test
    void rejectsOutputInsideAnInput() throws IOException {
        Path apps = Files.createDirectories(work.resolve("project/apps"));

        assertThatThrownBy(() -> SiteWriter.checkOutput(apps.resolve("site"), List.of(apps)))
                .isInstanceOf(GeneratorException.class)
                .hasMessageContaining("overlaps the input")
                .hasMessageContaining("target/flowfront/site");
    }

    @Test
    void rejectsOutputThatContainsAnInput() throws IOException {
        Path project = Files.createDirectories(work.resolve("project"));
        Path apps = Files.createDirectories(project.resolve("apps"));

        assertThatThrownBy(() -> SiteWriter.checkOutput(project, List.of(apps)))
                .isInstanceOf(GeneratorException.class)
                .hasMessageContaining("overlaps the input");
    }

    @Test
    void rejectsNonEmptyFolderThatIsNotASite() throws IOException {
        Path folder = Files.createDirectories(work.resolve("notes"));
        Files.writeString(folder.resolve("notes.txt"), "keep me");

        assertThatThrownBy(() -> SiteWriter.checkOutput(folder, List.of()))
                .isInstanceOf(GeneratorException.class)
                .hasMessageContaining("holds no Flowfront site");
        assertThat(folder.resolve("notes.txt")).hasContent("keep me");
    }

    @Test
    void acceptsEarlierSiteAndMissingFolder() throws IOException {
        Path site = Files.createDirectories(work.resolve("site"));
        Files.writeString(site.resolve("apps.json"), "{}");

        SiteWriter.checkOutput(site, List.of(work.resolve("apps")));
        SiteWriter.checkOutput(work.resolve("missing"), List.of(work.resolve("apps")));
    }

    @Test
    void rejectsFileSystemRoot() {
        assertThatThrownBy(() -> SiteWriter.checkOutput(Path.of("/"), List.of()))
                .isInstanceOf(GeneratorException.class)
                .hasMessageContaining("file system root");
    }
}
