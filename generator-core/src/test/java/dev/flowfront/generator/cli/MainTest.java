package dev.flowfront.generator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowfront.generator.api.TestSites;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {

    @TempDir Path work;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private Path apps;
    private Path flows;
    private Path site;

    @BeforeEach
    void writeInputs() throws IOException {
        apps = Files.createDirectories(work.resolve("apps"));
        flows = Files.createDirectories(work.resolve("flows"));
        site = work.resolve("site");
        Files.writeString(
                apps.resolve("hello.yaml"),
                """
                id: hello
                type: io.kestra.plugin.ee.apps.Execution
                namespace: company.team
                flowId: myflow
                """);
        Files.writeString(
                flows.resolve("myflow.yaml"),
                """
                id: myflow
                namespace: company.team
                tasks:
                  - id: log
                    type: io.kestra.plugin.core.log.Log
                    message: hi
                """);
    }

    private int run(String... args) {
        return Main.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                TestSites.compiler());
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void exitsZeroAndWritesSite() {
        int code =
                run(
                        "--apps",
                        apps.toString(),
                        "--flows",
                        flows.toString(),
                        "--out",
                        site.toString());

        assertThat(code).isEqualTo(Main.OK);
        assertThat(site.resolve("apps/company.team/hello/index.html")).isRegularFile();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("wrote 1 app page to");
    }

    @Test
    void acceptsOptionsWithEqualsSign() {
        int code =
                run(
                        "--apps=" + apps,
                        "--flows=" + flows,
                        "--out=" + site,
                        "--kestra-url=https://kestra.example.com",
                        "--tenant=",
                        "--auth=bearer");

        assertThat(code).isEqualTo(Main.OK);
    }

    @Test
    void exitsOneOnYamlErrorAndKeepsOutput() throws IOException {
        run("--apps", apps.toString(), "--flows", flows.toString(), "--out", site.toString());
        Map<String, String> before = TestSites.snapshot(site);
        Files.writeString(apps.resolve("broken.yaml"), "id: broken\nnamespace: [unclosed\n");

        int code =
                run(
                        "--apps",
                        apps.toString(),
                        "--flows",
                        flows.toString(),
                        "--out",
                        site.toString());

        assertThat(code).isEqualTo(Main.INPUT_ERRORS);
        assertThat(stderr()).containsPattern("(?m)^\\S*broken\\.yaml:\\d+:\\d+: invalid YAML");
        assertThat(TestSites.snapshot(site)).isEqualTo(before);
    }

    @Test
    void exitsTwoOnUnknownOption() {
        int code = run("--apps", apps.toString(), "--colour", "red");

        assertThat(code).isEqualTo(Main.USAGE_OR_IO_ERROR);
        assertThat(stderr()).contains("unknown option '--colour'");
    }

    @Test
    void exitsTwoWhenFolderIsMissing() {
        int code =
                run(
                        "--apps",
                        work.resolve("nope").toString(),
                        "--flows",
                        flows.toString(),
                        "--out",
                        site.toString());

        assertThat(code).isEqualTo(Main.USAGE_OR_IO_ERROR);
        assertThat(stderr()).contains("folder not found");
    }

    @Test
    void exitsTwoWhenOutIsMissing() {
        int code = run("--apps", apps.toString(), "--flows", flows.toString());

        assertThat(code).isEqualTo(Main.USAGE_OR_IO_ERROR);
        assertThat(stderr()).contains("missing --out DIR");
    }

    @Test
    void exitsTwoOnUnknownAuthMode() {
        int code =
                run(
                        "--apps",
                        apps.toString(),
                        "--flows",
                        flows.toString(),
                        "--out",
                        site.toString(),
                        "--auth",
                        "magic");

        assertThat(code).isEqualTo(Main.USAGE_OR_IO_ERROR);
        assertThat(stderr()).contains("--auth 'magic'");
    }

    @Test
    void exitsTwoWhenOutputCannotBeWritten() throws IOException {
        Path file = Files.writeString(work.resolve("file"), "x");

        int code =
                run(
                        "--apps",
                        apps.toString(),
                        "--flows",
                        flows.toString(),
                        "--out",
                        file.resolve("site").toString());

        assertThat(code).isEqualTo(Main.USAGE_OR_IO_ERROR);
        assertThat(stderr()).startsWith("flowfront: ");
    }

    @Test
    void printsHelpAndExitsZero() {
        int code = run("--help");

        assertThat(code).isEqualTo(Main.OK);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("--namespace-files DIR", "Exit codes");
    }
}
