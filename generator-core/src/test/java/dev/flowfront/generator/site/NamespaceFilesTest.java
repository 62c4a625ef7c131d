package dev.flowfront.generator.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NamespaceFilesTest {

    @TempDir Path root;

    @Test
    void resolvesFileInsideNamespaceFolder() throws IOException {
        Path image = Files.createDirectories(root.resolve("company.team/img")).resolve("a.png");
        Files.write(image, new byte[] {1});

        assertThat(new NamespaceFiles(root).resolve("company.team", "nsfiles:///img/a.png"))
                .contains(image);
    }

    @Test
    void rejectsTraversalOutOfNamespaceFolder() throws IOException {
        Files.createDirectories(root.resolve("company.team"));
        Files.write(root.resolve("secret.png"), new byte[] {1});

        assertThat(new NamespaceFiles(root).resolve("company.team", "nsfiles:///../secret.png"))
                .isEmpty();
    }

    @Test
    void rejectsSymbolicLinkPointingOutside(@TempDir Path outside) throws IOException {
        Path secret = Files.write(outside.resolve("secret.png"), new byte[] {1});
        Path folder = Files.createDirectories(root.resolve("company.team"));
        Files.createSymbolicLink(folder.resolve("link.png"), secret);

        assertThat(new NamespaceFiles(root).resolve("company.team", "nsfiles:///link.png"))
                .isEmpty();
    }
}
