package dev.flowfront.generator.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowfront.generator.api.Problem;
import dev.flowfront.generator.api.ProblemCollector;
import dev.flowfront.generator.api.Severity;
import dev.flowfront.generator.api.SourceLocation;
import dev.flowfront.generator.expression.ExpressionCompiler;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class MarkdownRendererTest {

    private static final SourceLocation AT = new SourceLocation("app.yaml", 12, 18);

    private final ProblemCollector problems = new ProblemCollector();
    private final ExpressionTable expressions =
            new ExpressionTable(new ExpressionCompiler(), problems);
    private final MarkdownRenderer renderer = new MarkdownRenderer();

    private String render(String markdown) {
        return renderer.render(
                markdown, expressions, problems, AT, "stage 'OPEN', block 1 of app 'x'");
    }

    @Test
    void rendersGfmTablesStrikethroughAndAutolinks() {
        String html = render("| a |\n|---|\n| b |\n\n~~old~~ see https://kestra.io");

        assertThat(html).contains("<table>", "<td>b</td>", "<del>old</del>");
        assertThat(html).contains("<a href=\"https://kestra.io\" rel=\"noopener noreferrer\">");
        assertThat(problems.sorted()).isEmpty();
    }

    @Test
    void removesScriptAndWarnsWithLocation() {
        String html = render("Hi <script>alert(1)</script> <b onclick=\"x()\">there</b>");

        assertThat(html).doesNotContain("script", "onclick", "alert");
        assertThat(html).contains("<b>there</b>");
        assertThat(problems.sorted()).hasSize(1);
        Problem warning = problems.sorted().get(0);
        assertThat(warning.severity()).isEqualTo(Severity.WARNING);
        assertThat(warning.location()).isEqualTo(AT);
        assertThat(warning.message()).contains("<script>", "onclick", "stage 'OPEN'");
    }

    @Test
    void removesImagesBecauseTheyLoadRemoteContent() {
        String html = render("![logo](https://evil.example.com/track.png)");

        assertThat(html).doesNotContain("<img", "evil.example.com");
        assertThat(problems.sorted())
                .singleElement()
                .satisfies(p -> assertThat(p.message()).contains("<img>"));
        assertThat(problems.sorted().get(0).hint()).contains("Image block");
    }

    @Test
    void removesJavascriptLinks() {
        String html = render("[click](javascript:alert(1))");

        assertThat(html).doesNotContain("javascript");
        assertThat(problems.sorted())
                .singleElement()
                .satisfies(p -> assertThat(p.isError()).isFalse());
    }

    @Test
    void replacesExpressionsWithPlaceholders() {
        String html = render("Hello **{{ inputs.first_name }}**");

        assertThat(html)
                .isEqualTo("<p>Hello <strong><span data-ff-expr=\"e1\"></span></strong></p>\n");
        assertThat(expressions.entries()).containsKey("e1");
        assertThat(expressions.entries().get("e1").toString()).contains("first_name");
    }

    @Test
    void keepsUnderscoresInsideExpressionsFromMarkdown() {
        render("_a_ {{ inputs.my_long_name }} and {{ inputs.other_name }}");

        assertThat(expressions.entries()).hasSize(2);
        assertThat(expressions.entries().get("e1").toString()).contains("my_long_name");
        assertThat(expressions.entries().get("e2").toString()).contains("other_name");
    }

    @Test
    void linkWithExpressionGetsHrefExpression() {
        String html = render("[Start again]({{ app.url }})");

        assertThat(html)
                .isEqualTo(
                        "<p><a href=\"#\" rel=\"noopener noreferrer\" data-ff-href-expr=\"e1\">Start"
                                + " again</a></p>\n");
        assertThat(problems.sorted()).isEmpty();
    }

    @Test
    void expressionThatDoesNotCompileIsErrorAtBlock() {
        render("Total: {{ inputs.x | frobnicate }}");

        assertThat(problems.sorted())
                .singleElement()
                .satisfies(
                        problem -> {
                            assertThat(problem.isError()).isTrue();
                            assertThat(problem.location()).isEqualTo(AT);
                            assertThat(problem.message())
                                    .contains("frobnicate", "block 1 of app 'x'");
                        });
    }

    @Test
    void textResemblingTokenIsLeftAlone() {
        String html = render("ffexpr0x is literal, {{ inputs.a }} is not");

        assertThat(html).contains("ffexpr0x is literal", "<span data-ff-expr=\"e1\"></span>");
    }

    @Test
    @Timeout(10)
    void reportsDeepNestingAsError() {
        String html = render("> ".repeat(50_000) + "deep");

        assertThat(html).isEmpty();
        assertThat(problems.sorted())
                .singleElement()
                .satisfies(
                        problem -> {
                            assertThat(problem.isError()).isTrue();
                            assertThat(problem.message()).contains("too deeply");
                        });
    }

    @Test
    @Timeout(10)
    void rendersLargeFlatMarkdownQuickly() {
        String large =
                "*a ".repeat(20_000)
                        + "\n\n"
                        + "[x](".repeat(5_000)
                        + "\n\n"
                        + "word ".repeat(100_000);

        String html = render(large);

        assertThat(html).contains("word word");
        assertThat(problems.sorted()).isEmpty();
    }

    @Test
    void plainSentenceMatchesFullRendering() {
        List<String> texts = new ArrayList<>();
        texts.addAll(
                List.of(
                        "Your name",
                        "Pick one (or none): a, b; c!",
                        "It's the user's choice - really?",
                        "Version 1.2.3 of the tool",
                        "Trailing dot.",
                        "Two  spaces inside",
                        "x"));
        Random random = new Random(7);
        String alphabet = "abcXYZ019 ,.;:'?!()-";
        for (int i = 0; i < 2_000; i++) {
            StringBuilder text = new StringBuilder("W");
            int length = random.nextInt(40);
            for (int j = 0; j < length; j++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            texts.add(text.toString());
        }

        for (String text : texts) {
            if (!MarkdownRenderer.isPlainSentence(text)) {
                continue;
            }
            ProblemCollector fullProblems = new ProblemCollector();
            String full =
                    renderer.renderSanitized(
                            text,
                            new ExpressionTable(new ExpressionCompiler(), fullProblems),
                            fullProblems,
                            AT,
                            "test");

            assertThat(render(text)).as(text).isEqualTo(full);
            assertThat(fullProblems.sorted()).as(text).isEmpty();
        }
    }

    @Test
    void markdownSyntaxIsNotPlainSentence() {
        for (String text :
                List.of(
                        "",
                        " leading space",
                        "trailing space ",
                        "1. a list",
                        "- a list",
                        "*bold*",
                        "see www.example.com",
                        "see WWW.Example.com",
                        "mail me@example.com",
                        "a <b>tag</b>",
                        "two\nlines",
                        "{{ inputs.name }}",
                        "a & b",
                        "path/to/file")) {
            assertThat(MarkdownRenderer.isPlainSentence(text)).as(text).isFalse();
        }
    }

    @Test
    void sameTreeFindsChangedAttribute() {
        Element first = Jsoup.parseBodyFragment("<p>a <a href=\"x\">b</a></p>").body();
        Element same = Jsoup.parseBodyFragment("<p>a <a href=\"x\">b</a></p>").body();
        Element other = Jsoup.parseBodyFragment("<p>a <a href=\"y\">b</a></p>").body();
        Element moreText = Jsoup.parseBodyFragment("<p>a <a href=\"x\">b</a>c</p>").body();

        assertThat(MarkdownRenderer.sameTree(first, same)).isTrue();
        assertThat(MarkdownRenderer.sameTree(first, other)).isFalse();
        assertThat(MarkdownRenderer.sameTree(first, moreText)).isFalse();
    }
}
