package dev.flowfront.generator.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowfront.generator.api.Problem;
import dev.flowfront.generator.api.ProblemCollector;
import dev.flowfront.generator.api.Severity;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class SvgSanitizerTest {

    private final ProblemCollector problems = new ProblemCollector();

    private String sanitize(String svg) {
        return new String(
                new SvgSanitizer()
                        .sanitize(
                                svg.getBytes(StandardCharsets.UTF_8),
                                "brand/banner.svg",
                                "banner",
                                problems)
                        .orElseThrow(),
                StandardCharsets.UTF_8);
    }

    @Test
    void removesScriptElementWithLocatedWarning() {
        String clean =
                sanitize(
                        """
                        <svg xmlns="http://www.w3.org/2000/svg">
                          <script>alert(1)</script>
                          <rect width="10" height="10"/>
                        </svg>""");

        assertThat(clean).doesNotContain("script").doesNotContain("alert").contains("<rect");
        assertThat(problems.sorted()).hasSize(1);
        Problem warning = problems.sorted().get(0);
        assertThat(warning.severity()).isEqualTo(Severity.WARNING);
        assertThat(warning.location().toString()).isEqualTo("brand/banner.svg:2:3");
        assertThat(warning.message())
                .isEqualTo(
                        "removed <script> element from banner brand/banner.svg because scripts"
                                + " and embedded documents are not allowed in published images");
    }

    @Test
    void removesEventAttributes() {
        String clean =
                sanitize(
                        """
                        <svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)">
                          <circle r="4" onClick="alert(2)"/>
                        </svg>""");

        assertThat(clean)
                .doesNotContainIgnoringCase("onload")
                .doesNotContainIgnoringCase("onclick");
        assertThat(clean).contains("<circle r=\"4\"");
        assertThat(problems.sorted())
                .extracting(Problem::message)
                .containsExactly(
                        "removed attribute onload of <svg> from banner brand/banner.svg because"
                                + " event handler attributes run scripts",
                        "removed attribute onClick of <circle> from banner brand/banner.svg because"
                                + " event handler attributes run scripts");
    }

    @Test
    void removesScriptAndOnloadWithOneWarningEach() {
        String clean =
                sanitize(
                        "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"steal()\">"
                                + "<script>steal()</script><path d=\"M0 0h4\"/></svg>");

        assertThat(clean)
                .isEqualTo("<svg xmlns=\"http://www.w3.org/2000/svg\"><path d=\"M0 0h4\" /></svg>");
        assertThat(problems.sorted()).hasSize(2);
        assertThat(problems.sorted())
                .allSatisfy(p -> assertThat(p.message()).contains("brand/banner.svg"));
    }

    @Test
    void removesForeignObject() {
        String clean =
                sanitize(
                        "<svg xmlns=\"http://www.w3.org/2000/svg\"><foreignObject><div"
                                + " xmlns=\"http://www.w3.org/1999/xhtml\">x</div></foreignObject></svg>");

        assertThat(clean).doesNotContain("foreignObject").doesNotContain("div");
        assertThat(problems.sorted()).hasSize(1);
    }

    @Test
    void removesJavascriptAndExternalLinksButKeepsFragments() {
        String clean =
                sanitize(
                        """
                        <svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">
                          <a href="javascript:alert(1)"><text>x</text></a>
                          <use xlink:href="https://evil.example/sprite.svg#icon"/>
                          <use href="#local"/>
                          <image href="other.png"/>
                        </svg>""");

        assertThat(clean)
                .doesNotContain("javascript")
                .doesNotContain("evil")
                .doesNotContain("other.png");
        assertThat(clean).contains("href=\"#local\"");
        assertThat(problems.sorted()).hasSize(3);
        assertThat(problems.sorted().get(0).message()).contains("javascript: links run scripts");
        assertThat(problems.sorted().get(1).message())
                .contains("refers to 'https://evil.example/sprite.svg#icon' outside the file");
    }

    @Test
    void removesExternalCssReferences() {
        String clean =
                sanitize(
                        """
                        <svg xmlns="http://www.w3.org/2000/svg">
                          <style>@import url(https://evil.example/x.css);</style>
                          <rect fill="url(https://evil.example/p.svg#g)" stroke="url(#ok)"/>
                        </svg>""");

        assertThat(clean)
                .doesNotContain("evil")
                .contains("stroke=\"url(#ok)\"")
                .doesNotContain("<style");
        assertThat(problems.sorted()).hasSize(2);
    }

    @Test
    void removesLinkRewritingAnimation() {
        String clean =
                sanitize(
                        "<svg xmlns=\"http://www.w3.org/2000/svg\"><a href=\"#x\"><set"
                                + " attributeName=\"href\" to=\"javascript:alert(1)\"/></a></svg>");

        assertThat(clean).doesNotContain("<set").doesNotContain("javascript");
        assertThat(problems.sorted()).hasSize(1);
    }

    @Test
    void removesStylesheetProcessingInstruction() {
        String clean =
                sanitize(
                        """
                        <?xml version="1.0"?>
                        <?xml-stylesheet href="https://evil.example/x.css"?>
                        <svg xmlns="http://www.w3.org/2000/svg"/>""");

        assertThat(clean).doesNotContain("evil");
        assertThat(problems.sorted()).hasSize(1);
        assertThat(problems.sorted().get(0).message()).contains("<?xml-stylesheet?>");
    }

    @Test
    void addsSvgNamespaceWhenMissing() {
        String clean = sanitize("<svg viewBox=\"0 0 1 1\"><rect width=\"1\" height=\"1\"/></svg>");

        assertThat(clean)
                .startsWith("<svg viewBox=\"0 0 1 1\" xmlns=\"http://www.w3.org/2000/svg\">");
        assertThat(problems.sorted()).isEmpty();
    }

    @Test
    void keepsCleanSvgUnchangedInContent() {
        String clean =
                sanitize(
                        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 4 4\"><linearGradient"
                                + " id=\"g\"/><rect fill=\"url(#g)\" width=\"4\" height=\"4\"/></svg>");

        assertThat(clean)
                .contains("viewBox=\"0 0 4 4\"")
                .contains("linearGradient")
                .contains("fill=\"url(#g)\"");
        assertThat(problems.sorted()).isEmpty();
    }

    @Test
    void cleansDeeplyNestedDocument() {
        int depth = 200_000;
        String svg =
                "<svg xmlns=\"http://www.w3.org/2000/svg\">"
                        + "<g>".repeat(depth)
                        + "<script>x()</script>"
                        + "</g>".repeat(depth)
                        + "</svg>";

        String clean = sanitize(svg);

        assertThat(clean).doesNotContain("script");
        assertThat(problems.sorted()).hasSize(1);
    }

    @Test
    void rejectsDocumentWhoseRootIsNotSvg() {
        var result =
                new SvgSanitizer()
                        .sanitize(
                                "<html><body>hi</body></html>".getBytes(StandardCharsets.UTF_8),
                                "brand/banner.svg",
                                "banner",
                                problems);

        assertThat(result).isEmpty();
        assertThat(problems.sorted())
                .singleElement()
                .satisfies(
                        p -> {
                            assertThat(p.isError()).isTrue();
                            assertThat(p.message())
                                    .isEqualTo(
                                            "banner brand/banner.svg is not an SVG image: its root element is <html>");
                        });
    }
}
