package dev.flowfront.generator.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StagingFolderTest {

    @TempDir Path work;

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Commits a recycling build of the given files and returns what the output contains. */
    private Map<String, String> build(
            Path out,
            Map<String, String> spare,
            Map<String, String> output,
            Map<String, String> files) {
        try (StagingFolder staging = StagingFolder.recycle(out, spare, output)) {
            files.forEach((path, text) -> staging.put(path, bytes(text)));
            staging.commit();
            return staging.contents();
        }
    }

    private Stream<String> siblings() throws IOException {
        return Files.list(work).map(path -> path.getFileName().toString());
    }

    @Test
    void recyclingKeepsReplacedOutputAsSpare() throws IOException {
        Path out = work.resolve("site");
        Map<String, String> first = build(out, null, Map.of(), Map.of("a.txt", "1"));
        Map<String, String> second = build(out, null, first, Map.of("a.txt", "2"));

        try (StagingFolder staging = StagingFolder.recycle(out, first, second)) {
            staging.put("a.txt", bytes("3"));
            staging.commit();
        }

        assertThat(Files.readString(out.resolve("a.txt"))).isEqualTo("3");
        assertThat(Files.readString(StagingFolder.spareOf(out).resolve("a.txt"))).isEqualTo("2");
        assertThat(siblings()).containsExactlyInAnyOrder("site", ".site-spare");
    }

    @Test
    void commitDeletesStaleFilesAndEmptyFolders() throws IOException {
        Path out = work.resolve("site");
        Map<String, String> first =
                build(out, null, Map.of(), Map.of("apps/x/index.html", "x", "keep.txt", "k"));
        Map<String, String> second = build(out, null, first, Map.of("keep.txt", "k"));

        build(out, first, second, Map.of("keep.txt", "k"));

        assertThat(out.resolve("apps")).doesNotExist();
        assertThat(Files.readString(out.resolve("keep.txt"))).isEqualTo("k");
    }

    @Test
    void reuseLinksFileOfLiveOutput() throws IOException {
        Path out = work.resolve("site");
        Map<String, String> first = build(out, null, Map.of(), Map.of("page.html", "same"));

        try (StagingFolder staging = StagingFolder.recycle(out, null, first)) {
            assertThat(staging.reuse("page.html", first.get("page.html"))).isTrue();
            assertThat(staging.reuse("other.html", first.get("page.html"))).isFalse();
            assertThat(staging.reuse("page.html", StagingFolder.digest(bytes("new")))).isFalse();
            staging.commit();
        }

        assertThat(Files.readString(out.resolve("page.html"))).isEqualTo("same");
        assertThat(out.resolve("other.html")).doesNotExist();
    }

    @Test
    void closedBuildBecomesSpareWithWhatItWrote() throws IOException {
        Path out = work.resolve("site");
        Map<String, String> first = build(out, null, Map.of(), Map.of("a.txt", "1"));
        Map<String, String> spare;

        try (StagingFolder staging = StagingFolder.recycle(out, null, first)) {
            staging.put("b.txt", bytes("2"));
            staging.close();
            spare = staging.spareContents();
        }

        assertThat(Files.readString(out.resolve("a.txt"))).isEqualTo("1");
        assertThat(out.resolve("b.txt")).doesNotExist();
        assertThat(spare).containsOnlyKeys("b.txt");
        assertThat(StagingFolder.spareOf(out).resolve("b.txt")).hasContent("2");
    }

    @Test
    void unknownSpareIsDeleted() throws IOException {
        Path out = work.resolve("site");
        Path spare = Files.createDirectories(StagingFolder.spareOf(out));
        Files.writeString(spare.resolve("stale.txt"), "stale");

        build(out, null, null, Map.of("a.txt", "1"));

        assertThat(out.resolve("stale.txt")).doesNotExist();
        assertThat(spare).doesNotExist();
    }
}
