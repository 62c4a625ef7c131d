package dev.flowfront.generator.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowfront.generator.api.Branding;
import dev.flowfront.generator.api.Problem;
import dev.flowfront.generator.api.ProblemCollector;
import org.junit.jupiter.api.Test;

class BrandingStylesheetTest {

    private final ProblemCollector problems = new ProblemCollector();

    private static Branding colors(
            String title, String primary, String background, String tile, String buttonText) {
        return new Branding(null, title, primary, background, tile, buttonText, null);
    }

    @Test
    void writesEveryCustomPropertyWithDefaults() {
        String css = BrandingStylesheet.render(Branding.DEFAULT, problems);

        assertThat(css)
                .isEqualTo(
                        """
                        /* Flowfront branding, shared by the catalog and the app pages. */
                        :root {
                          --ff-background-color: #f4f5f7;
                          --ff-button-text-color: #ffffff;
                          --ff-primary-color: #2f4bb8;
                          --ff-text-color: #1f2430;
                          --ff-tile-color: #ffffff;
                          --ff-title-color: #14171c;
                        }
                        """);
        assertThat(problems.sorted()).isEmpty();
    }

    @Test
    void writesConfiguredColorsAsGiven() {
        String css =
                BrandingStylesheet.render(
                        colors("navy", "rgb(0, 68, 136)", "#fafafa", "hsl(0, 0%, 100%)", "white"),
                        problems);

        assertThat(css)
                .contains("--ff-title-color: navy;")
                .contains("--ff-primary-color: rgb(0, 68, 136);")
                .contains("--ff-background-color: #fafafa;")
                .contains("--ff-tile-color: hsl(0, 0%, 100%);")
                .contains("--ff-button-text-color: white;");
        assertThat(problems.sorted()).isEmpty();
    }

    @Test
    void reportsInvalidColorWithOptionAndValue() {
        String css = BrandingStylesheet.render(colors(null, "blu", null, null, null), problems);

        assertThat(problems.sorted()).hasSize(1);
        Problem problem = problems.sorted().get(0);
        assertThat(problem.isError()).isTrue();
        assertThat(problem.format())
                .isEqualTo(
                        "branding configuration: branding option primaryColor 'blu' is not a CSS"
                                + " color. Use a hex color such as #1a73e8, rgb(26, 115, 232),"
                                + " hsl(217, 82%, 51%) or a color name such as navy.");
        assertThat(css).doesNotContain("blu;");
    }

    @Test
    void rejectsCssInjection() {
        String css =
                BrandingStylesheet.render(
                        colors("red;} body{display:none", null, null, null, null), problems);

        assertThat(css).doesNotContain("display");
        assertThat(problems.sorted())
                .singleElement()
                .satisfies(p -> assertThat(p.isError()).isTrue());
    }

    @Test
    void warnsAboutLowTitleContrast() {
        BrandingStylesheet.render(colors("#999999", null, "#ffffff", null, null), problems);

        assertThat(problems.sorted())
                .singleElement()
                .satisfies(
                        p -> {
                            assertThat(p.isError()).isFalse();
                            assertThat(p.message())
                                    .isEqualTo(
                                            "titleColor '#999999' on backgroundColor '#ffffff' has a contrast"
                                                    + " ratio of 2.85:1, below the 4.5:1 that WCAG AA requires"
                                                    + " for text");
                        });
    }

    @Test
    void warnsAboutLowButtonContrast() {
        BrandingStylesheet.render(colors(null, "yellow", null, null, "white"), problems);

        assertThat(problems.sorted())
                .extracting(Problem::message)
                .containsExactly(
                        "buttonTextColor 'white' (#ffffff) on primaryColor 'yellow' (#ffff00)"
                                + " has a contrast ratio of 1.07:1, below the 4.5:1 that WCAG AA"
                                + " requires for text");
    }

    @Test
    void warnsAboutTextOnDarkTile() {
        BrandingStylesheet.render(colors(null, null, null, "#202020", null), problems);

        assertThat(problems.sorted())
                .extracting(Problem::message)
                .singleElement()
                .asString()
                .startsWith(
                        "the text color '#1f2430' on tileColor '#202020' has a contrast ratio of 1.0");
    }

    @Test
    void compositesTranslucentBackgroundOverWhite() {
        BrandingStylesheet.render(
                colors("#767676", null, "rgba(0, 0, 0, 0)", null, null), problems);

        assertThat(problems.sorted()).isEmpty();
    }
}
