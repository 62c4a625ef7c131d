package dev.flowfront.preview.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExpressionRendererTest {

    private final ExpressionRenderer renderer =
            new ExpressionRenderer(
                    new ObjectMapper(), Map.of("TOKEN", "s3cret"), id -> "http://app/" + id);

    @Test
    void printsMapsAsJson() throws Exception {
        String text = renderer.render("{{ inputs }}", Map.of("inputs", Map.of("a", List.of(1, 2))));

        assertThat(text).isEqualTo("{\"a\":[1,2]}");
    }

    @Test
    void jsonFunctionParsesText() throws Exception {
        String text =
                renderer.render(
                        "{{ json(body).labels[0] }}", Map.of("body", "{\"labels\":[\"x\",\"y\"]}"));

        assertThat(text).isEqualTo("x");
    }

    @Test
    void toJsonFilterQuotesStrings() throws Exception {
        String text = renderer.render("{{ message | toJson }}", Map.of("message", "say \"hi\""));

        assertThat(text).isEqualTo("\"say \\\"hi\\\"\"");
    }

    @Test
    void renderFunctionUsesOuterVariables() throws Exception {
        Map<String, Object> context =
                Map.of(
                        "vars",
                        Map.of("text", "id {{ execution.id }}"),
                        "execution",
                        Map.of("id", "e1"));

        assertThat(renderer.render("{{ render(vars.text) }}", context)).isEqualTo("id e1");
    }

    @Test
    void secretReturnsConfiguredValue() throws Exception {
        assertThat(renderer.render("{{ secret('TOKEN') }}", Map.of())).isEqualTo("s3cret");
    }

    @Test
    void unknownSecretFails() {
        assertThatThrownBy(() -> renderer.render("{{ secret('MISSING') }}", Map.of()))
                .isInstanceOf(ExpressionException.class)
                .hasMessageContaining("Cannot find secret for key 'MISSING'.");
    }

    @Test
    void undefinedVariableFailsWithItsName() {
        assertThatThrownBy(
                        () ->
                                renderer.render(
                                        "{{ outputs.task.body }}", Map.of("outputs", Map.of())))
                .isInstanceOf(ExpressionException.class)
                .hasMessageContaining("Unable to find `task`");
    }

    @Test
    void nullCoalescingReplacesUndefined() throws Exception {
        assertThat(
                        renderer.render(
                                "{{ inputs.missing ?? 'fallback' }}", Map.of("inputs", Map.of())))
                .isEqualTo("fallback");
    }

    @Test
    void appLinkUsesExecutionId() throws Exception {
        assertThat(renderer.render("{{ appLink() }}", Map.of("execution", Map.of("id", "e7"))))
                .isEqualTo("http://app/e7");
    }

    @Test
    void textWithoutExpressionIsReturnedAsIs() throws Exception {
        assertThat(renderer.render("plain {text}", Map.of())).isEqualTo("plain {text}");
    }
}
