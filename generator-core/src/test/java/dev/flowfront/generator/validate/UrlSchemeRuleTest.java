package dev.flowfront.generator.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowfront.generator.api.Problem;
import dev.flowfront.generator.api.Severity;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UrlSchemeRuleTest {

    @TempDir Path folder;

    private ValidatorFixture fixture(String type, String url) {
        String layout =
                """
                layout:
                  - on: SUCCESS
                    blocks:
                      - type: io.kestra.plugin.ee.apps.core.blocks.%s
                        url: %s
                """
                        .formatted(type, url);
        return new ValidatorFixture(folder)
                .flow("myflow.yaml", ValidatorFixture.FLOW)
                .app("app.yaml", ValidatorFixture.APP_HEADER + layout);
    }

    @Test
    void reportsJavascriptButtonUrl() {
        Problem problem = fixture("Button", "\"javascript:alert(1)\"").single(Severity.ERROR);

        assertThat(problem.location().toString()).isEqualTo("apps/app.yaml:9:15");
        assertThat(problem.message())
                .isEqualTo(
                        "URL scheme 'javascript:' is not allowed in a Button url (stage 'SUCCESS',"
                                + " block 1 of app 'my_app')");
        assertThat(problem.hint())
                .isEqualTo(
                        "Use an http:// or https:// URL, a relative URL such as '/help', or an"
                                + " expression such as '{{ app.url }}'");
    }

    @Test
    void reportsDataRedirectUrl() {
        Problem problem =
                fixture("RedirectTo", "data:text/html;base64,PHNjcmlwdD4=").single(Severity.ERROR);

        assertThat(problem.location().toString()).isEqualTo("apps/app.yaml:9:14");
        assertThat(problem.message())
                .startsWith("URL scheme 'data:' is not allowed in a RedirectTo");
    }

    @Test
    void reportsSchemeHiddenByTabAndCase() {
        Problem problem = fixture("Button", "\" JaVa\\tScRiPt:alert(1)\"").single(Severity.ERROR);

        assertThat(problem.message()).startsWith("URL scheme 'JaVaScRiPt:' is not allowed");
    }

    @Test
    void reportsSchemeBeforeExpression() {
        Problem problem =
                fixture("Button", "\"javascript:{{ inputs.code }}\"").single(Severity.ERROR);

        assertThat(problem.message()).startsWith("URL scheme 'javascript:'");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://example.com/x?a=b:c",
                "http://example.com",
                "/relative/path",
                "page.html#a:b",
                "//cdn.example.com/x",
                "\"{{ app.url }}\"",
                "\"{{ app.url }}?again=true\""
            })
    void acceptsSafeUrls(String url) {
        assertThat(fixture("Button", url).validate()).isEmpty();
    }
}
