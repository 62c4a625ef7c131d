package dev.flowfront.generator.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlaceholderThumbnailTest {

    private static final CssColor WHITE = CssColor.parse("white").orElseThrow();

    @Test
    void initialsTakeFirstLetterOfTwoWords() {
        assertThat(PlaceholderThumbnail.initials("Vacation approval process")).isEqualTo("VA");
        assertThat(PlaceholderThumbnail.initials("  hello_world")).isEqualTo("HW");
        assertThat(PlaceholderThumbnail.initials("élan")).isEqualTo("É");
        assertThat(PlaceholderThumbnail.initials("<script>")).isEqualTo("S");
        assertThat(PlaceholderThumbnail.initials("--")).isEqualTo("?");
    }

    @Test
    void colorDependsOnlyOnKey() {
        assertThat(PlaceholderThumbnail.background("company.team/a").toHex())
                .isEqualTo(PlaceholderThumbnail.background("company.team/a").toHex());
        assertThat(PlaceholderThumbnail.background("company.team/a").toHex())
                .isNotEqualTo(PlaceholderThumbnail.background("company.team/b").toHex());
    }

    @Test
    void whiteInitialsKeepAaContrast() {
        for (int i = 0; i < 200; i++) {
            CssColor background = PlaceholderThumbnail.background("ns/app" + i);
            assertThat(WHITE.contrastWith(background))
                    .as("contrast of white on %s", background.toHex())
                    .isGreaterThanOrEqualTo(CssColor.AA_TEXT_CONTRAST);
        }
    }
}
