package dev.flowfront.generator.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildFingerprintTest {

    @TempDir Path work;
    private Path apps;
    private CompileOptions options;

    @BeforeEach
    void createInputs() throws IOException {
        apps = Files.createDirectories(work.resolve("apps"));
        Files.writeString(apps.resolve("a.yaml"), "id: a\n");
        options =
                CompileOptions.builder()
                        .appsDirectory(apps)
                        .outputDirectory(work.resolve("site"))
                        .build();
    }

    @Test
    void staysTheSameForUnchangedInput() {
        assertThat(BuildFingerprint.compute(options)).isEqualTo(BuildFingerprint.compute(options));
    }

    @Test
    void changesWhenAnInputFileChanges() throws IOException {
        String before = BuildFingerprint.compute(options);

        Files.writeString(apps.resolve("a.yaml"), "id: b\n");

        assertThat(BuildFingerprint.compute(options)).isNotEqualTo(before);
    }

    @Test
    void changesWhenAnOptionChanges() {
        CompileOptions other =
                CompileOptions.builder()
                        .appsDirectory(apps)
                        .outputDirectory(work.resolve("site"))
                        .kestraUrl("https://kestra.example.com")
                        .build();

        assertThat(BuildFingerprint.compute(other)).isNotEqualTo(BuildFingerprint.compute(options));
    }

    @Test
    void isUpToDateOnlyAfterStoreWithSiteFolder() throws IOException {
        String fingerprint = BuildFingerprint.compute(options);
        assertThat(BuildFingerprint.isUpToDate(options, fingerprint)).isFalse();

        Files.createDirectories(options.outputDirectory());
        BuildFingerprint.store(options, fingerprint);

        assertThat(BuildFingerprint.isUpToDate(options, fingerprint)).isTrue();
        BuildFingerprint.clear(options);
        assertThat(BuildFingerprint.isUpToDate(options, fingerprint)).isFalse();
    }
}
