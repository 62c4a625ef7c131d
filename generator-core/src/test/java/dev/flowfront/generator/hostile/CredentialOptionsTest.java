package dev.flowfront.generator.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowfront.generator.api.AuthMode;
import dev.flowfront.generator.api.CompileOptions;
import dev.flowfront.generator.api.CompileResult;
import dev.flowfront.generator.api.GeneratorException;
import dev.flowfront.generator.api.TestSites;
import dev.flowfront.generator.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * No option can carry a credential into the site: URLs with a user name, password or query are
 * rejected, and a site built with every auth mode holds none of the secrets a test knows of.
 */
class CredentialOptionsTest {

    private static final String PASSWORD = "pa55-Secret-7f3a";

    @TempDir Path work;

    private HostileSite inputs;

    @BeforeEach
    void writeInputs() throws IOException {
        inputs = new HostileSite(work);
        inputs.app(
                "hello",
                "layout:\n  - on: OPEN\n    blocks:\n"
                        + "      - type: io.kestra.plugin.ee.apps.core.blocks.Markdown\n"
                        + "        content: \"Open {{ app.url }}\"\n");
    }

    private CompileOptions.Builder options() {
        return CompileOptions.builder()
                .appsDirectory(inputs.apps)
                .flowsDirectory(inputs.flows)
                .outputDirectory(inputs.site);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://admin:" + PASSWORD + "@kestra.example.com",
                "https://" + PASSWORD + "@kestra.example.com",
                "http://admin:" + PASSWORD + "@127.0.0.1:8080/kestra"
            })
    void rejectsKestraUrlWithUserInfo(String url) {
        assertThatThrownBy(() -> TestSites.compiler().compile(options().kestraUrl(url).build()))
                .isInstanceOf(GeneratorException.class)
                .hasMessageContaining("Kestra URL contains a user name or password")
                .hasMessageNotContaining(PASSWORD);
        assertThat(inputs.site).doesNotExist();
    }

    @Test
    void rejectsSiteUrlWithUserInfo() {
        CompileOptions options =
                options().siteUrl("https://deploy:" + PASSWORD + "@apps.example.com/").build();

        assertThatThrownBy(() -> TestSites.compiler().compile(options))
                .isInstanceOf(GeneratorException.class)
                .hasMessageContaining("site URL contains a user name or password")
                .hasMessageNotContaining(PASSWORD);
        assertThat(inputs.site).doesNotExist();
    }

    @Test
    void rejectsKestraUrlWithTokenInQuery() {
        CompileOptions options =
                options().kestraUrl("https://kestra.example.com/?api_key=" + PASSWORD).build();

        assertThatThrownBy(() -> TestSites.compiler().compile(options))
                .isInstanceOf(GeneratorException.class)
                .hasMessageContaining("Kestra URL has a query or fragment")
                .hasMessageNotContaining(PASSWORD);
    }

    @Test
    void cliRejectsUserInfoWithExitTwo() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> args = new ArrayList<>(List.of(inputs.cliArguments()));
        args.add("--kestra-url");
        args.add("https://user:" + PASSWORD + "@kestra.example.com");

        int code =
                Main.run(
                        args.toArray(String[]::new),
                        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(code).isEqualTo(Main.USAGE_OR_IO_ERROR);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("Kestra URL contains a user name or password")
                .doesNotContain(PASSWORD);
        assertThat(inputs.site).doesNotExist();
    }

    @Test
    void rejectedCredentialLeavesPreviousSiteUnchanged() {
        CompileResult first =
                TestSites.compiler()
                        .compile(options().kestraUrl("https://kestra.example.com").build());
        assertThat(first.hasErrors()).as("problems: %s", first.problems()).isFalse();
        Map<String, String> before = TestSites.snapshot(inputs.site);
        CompileOptions withSecret =
                options()
                        .kestraUrl("https://kestra.example.com")
                        .siteUrl("https://ci:" + PASSWORD + "@apps.example.com/")
                        .auth(AuthMode.BASIC)
                        .build();

        assertThatThrownBy(() -> TestSites.compiler().compile(withSecret))
                .isInstanceOf(GeneratorException.class);

        Map<String, String> after = TestSites.snapshot(inputs.site);
        assertThat(after).isEqualTo(before);
        after.forEach((path, content) -> assertThat(content).as(path).doesNotContain(PASSWORD));
    }
}
