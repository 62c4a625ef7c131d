package dev.flowfront.generator.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowfront.generator.site.NamespaceFiles.Status;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NamespaceFilesTest {

    @TempDir Path root;

    @Test
    void findsFileInsideNamespaceFolder() throws IOException {
        Path image = Files.createDirectories(root.resolve("company.team/img")).resolve("a.png");
        Files.write(image, new byte[] {1});

        assertThat(new NamespaceFiles(root).lookup("company.team", "nsfiles:///img/a.png").found())
                .contains(image.toAbsolutePath());
    }

    @Test
    void traversalOutOfNamespaceFolderIsOutside() throws IOException {
        Files.createDirectories(root.resolve("company.team"));
        Files.write(root.resolve("secret.png"), new byte[] {1});

        assertThat(status("nsfiles:///../secret.png")).isEqualTo(Status.OUTSIDE);
        assertThat(status("nsfiles:////etc/hosts")).isEqualTo(Status.OUTSIDE);
    }

    @Test
    void symbolicLinkPointingOutsideIsOutside(@TempDir Path outside) throws IOException {
        Path secret = Files.write(outside.resolve("secret.png"), new byte[] {1});
        Path folder = Files.createDirectories(root.resolve("company.team"));
        Files.createSymbolicLink(folder.resolve("link.png"), secret);

        assertThat(status("nsfiles:///link.png")).isEqualTo(Status.OUTSIDE);
    }

    @Test
    void linkThatCannotBeFollowedIsOutside() throws IOException {
        Path folder = Files.createDirectories(root.resolve("company.team"));
        // Two links that point at each other exist as links, but have no real path.
        Files.createSymbolicLink(folder.resolve("a.png"), folder.resolve("b.png"));
        Files.createSymbolicLink(folder.resolve("b.png"), folder.resolve("a.png"));

        assertThat(status("nsfiles:///a.png")).isIn(Status.OUTSIDE, Status.MISSING);
        assertThat(new NamespaceFiles(root).lookup("company.team", "nsfiles:///a.png").found())
                .isEmpty();
    }

    @Test
    void namesEveryOtherReason() throws IOException {
        Files.createDirectories(root.resolve("company.team"));

        assertThat(status("nsfiles:///missing.png")).isEqualTo(Status.MISSING);
        assertThat(status("nsfiles:///")).isEqualTo(Status.NO_PATH);
        assertThat(status("https://example.com/a.png")).isEqualTo(Status.NOT_NAMESPACE_FILE);
        assertThat(status("nsfiles:///a\0.png")).isEqualTo(Status.INVALID_PATH);
        assertThat(new NamespaceFiles(null).lookup("company.team", "nsfiles:///a.png").status())
                .isEqualTo(Status.NO_FOLDER);
    }

    private Status status(String uri) {
        return new NamespaceFiles(root).lookup("company.team", uri).status();
    }
}
