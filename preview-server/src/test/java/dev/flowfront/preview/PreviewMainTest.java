package dev.flowfront.preview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Command-line parsing of the runnable jar. */
class PreviewMainTest {

    @Test
    void rejectsUnknownOption() {
        assertThatThrownBy(
                        () -> PreviewMain.parse(new String[] {"--flows", "f", "--colour", "red"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown option --colour");
    }

    @Test
    void requiresFlowsWithoutProxy() {
        assertThatThrownBy(() -> PreviewMain.parse(new String[] {"--site", "s"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--flows is required");
    }

    @Test
    void rejectsOptionWithoutValue() {
        assertThatThrownBy(() -> PreviewMain.parse(new String[] {"--flows"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("option --flows needs a value");
    }

    @Test
    void rejectsSpeedThatIsNotANumber() {
        assertThatThrownBy(
                        () -> PreviewMain.parse(new String[] {"--flows", "f", "--speed", "fast"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--speed must be a number");
    }

    @Test
    void parsesAuthForms() {
        assertThat(Auth.parse("none").mode()).isEqualTo(Auth.Mode.NONE);
        assertThat(Auth.parse("basic:ada@example.com:pa:ss"))
                .isEqualTo(Auth.basic("ada@example.com", "pa:ss"));
        assertThat(Auth.parse("bearer:abc")).isEqualTo(Auth.bearer("abc"));
        assertThatThrownBy(() -> Auth.parse("basic:onlyuser"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
