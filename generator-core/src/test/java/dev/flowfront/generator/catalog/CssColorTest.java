package dev.flowfront.generator.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CssColorTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "#fff | #ffffff",
                "#0F8 | #00ff88",
                "#1a2b3c | #1a2b3c",
                "#1a2b3c80 | #1a2b3c",
                "#f008 | #ff0000",
                "rgb(26, 115, 232) | #1a73e8",
                "rgba(26,115,232,0.5) | #1a73e8",
                "rgb(26 115 232 / 50%) | #1a73e8",
                "rgb(100%, 0%, 0%) | #ff0000",
                "rgb(300, -5, 0) | #ff0000",
                "hsl(0, 100%, 50%) | #ff0000",
                "hsl(120deg 100% 25%) | #008000",
                "hsla(240, 100%, 50%, 0.3) | #0000ff",
                "hsl(0.5turn 100% 50%) | #00ffff",
                "navy | #000080",
                "RebeccaPurple | #663399",
                "  white  | #ffffff",
            })
    void parsesAcceptedForms(String text, String hex) {
        assertThat(CssColor.parse(text)).get().extracting(CssColor::toHex).isEqualTo(hex);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "#12",
                "#12345",
                "#ggg",
                "blu",
                "rgb(1, 2)",
                "rgb(1 2 3 4)",
                "rgb(1, 2, 3 / 0.5)",
                "rgb(1px, 2, 3)",
                "hsl(10, 50px, 50%)",
                "red; } body { display: none",
                "url(https://example.com)",
                "currentColor",
            })
    void rejectsOtherText(String text) {
        assertThat(CssColor.parse(text)).isEmpty();
    }

    @Test
    void readsAlpha() {
        assertThat(CssColor.parse("rgba(0, 0, 0, 0.25)").orElseThrow().alpha()).isEqualTo(0.25);
        assertThat(CssColor.parse("#00000080").orElseThrow().alpha())
                .isCloseTo(0.502, within(0.001));
        assertThat(CssColor.parse("transparent").orElseThrow().alpha()).isZero();
    }

    @Test
    void computesWcagContrastRatios() {
        CssColor black = CssColor.parse("black").orElseThrow();
        CssColor white = CssColor.parse("white").orElseThrow();
        CssColor gray = CssColor.parse("#777777").orElseThrow();

        assertThat(black.contrastWith(white)).isCloseTo(21, within(0.01));
        assertThat(white.contrastWith(white)).isCloseTo(1, within(0.01));
        assertThat(gray.contrastWith(white)).isCloseTo(4.48, within(0.01));
    }

    @Test
    void compositesTranslucentColorOverBackground() {
        CssColor halfBlack = CssColor.parse("rgba(0, 0, 0, 0.5)").orElseThrow();
        CssColor white = CssColor.parse("white").orElseThrow();

        assertThat(halfBlack.over(white).toHex()).isEqualTo("#808080");
    }
}
