package dev.flowfront.preview.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import dev.flowfront.generator.expression.ExpressionCompiler;
import dev.flowfront.generator.expression.ExpressionException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Expressions compiled by the generator's {@link ExpressionCompiler} and evaluated by the runtime
 * in the page, against the live form values, so both ends of the tree format agree.
 */
class ExpressionEvaluationTest {

    /** Expression, then the text the page must show with the form filled as in the test. */
    private static final String[][] CASES = {
        {"{{ inputs.resource_type | upper }}", "CLOUD VM"},
        {"{{ inputs.resource_type | lower }}", "cloud vm"},
        {"{{ inputs.comment | trim }}", "Hello, World"},
        {"{{ inputs.comment | trim | length }}", "12"},
        {"{{ inputs.resource_type | replace({'Cloud': 'Edge'}) }}", "Edge VM"},
        {"{{ inputs.comment | trim | split(', ') | join('+') }}", "Hello+World"},
        {"{{ inputs.comment | trim | split(', ') | last }}", "World"},
        {"{{ inputs.comment | trim | split(', ') | first }}", "Hello"},
        {"{{ inputs.resource_type | slice(0, 5) }}", "Cloud"},
        {"{{ inputs.missing ?? 'none' }}", "none"},
        {"{{ inputs.missing | default('fallback') }}", "fallback"},
        {"{{ inputs.resource_type == 'Cloud VM' ? 'vm' : 'other' }}", "vm"},
        {"{{ inputs.resource_type equals 'Cloud VM' }}", "true"},
        {"{{ inputs.resource_type contains 'VM' }}", "true"},
        {"{{ [1, 2] contains 2 }}", "true"},
        {"{{ ('a' ~ 'b') | upper }}", "AB"},
        {"{{ (0 - 7) | abs }}", "7"},
        {"{{ {'k': 1} | keys | first }}", "k"},
        {"{{ [1, 2, 3] | length }}", "3"},
        {"{{ 10 % 4 }}", "2"},
        {"{{ 2 * 3 + 1 }}", "7"},
        {"{{ not (1 > 2) }}", "true"},
        {"{{ 1 < 2 and 3 >= 3 }}", "true"},
        {"{{ inputs.resource_type is null }}", "false"},
        {"{{ inputs.missing is empty }}", "true"},
        {"{{ 4 is even }}", "true"},
        {"{{ 4 is odd }}", "false"},
        {"{{ 'hello world' | capitalize }}", "Hello world"},
        {"{{ 'hello world' | title }}", "Hello World"},
        {"{{ inputs.resource_type | urlencode }}", "Cloud+VM"},
        {"{{ inputs.comment | trim | json }}", "\"Hello, World\""},
        {"{{ [1, 'a'] | toJson }}", "[1,\"a\"]"},
        {"{{ '2026-03-01T10:30:00Z' | date('yyyy-MM-dd HH:mm') }}", "2026-03-01 10:30"},
        {"Hi {{ inputs.comment | trim }}!", "Hi Hello, World!"},
        {"{{ app.id }}", "compute_resources_approval"},
    };

    private static Chromium chromium;
    private static FixtureServer server;

    @BeforeAll
    static void start() {
        Map<String, String> trees = compileCases();
        chromium = Chromium.launch();
        server = FixtureServer.start("approval-fixture.html", withExpressions(trees));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (chromium != null) {
            chromium.close();
        }
    }

    private static Map<String, String> compileCases() {
        ExpressionCompiler compiler = new ExpressionCompiler();
        Map<String, String> trees = new LinkedHashMap<>();
        for (int i = 0; i < CASES.length; i++) {
            try {
                trees.put("t" + i, compiler.compile(CASES[i][0]).tree().toString());
            } catch (ExpressionException e) {
                throw new AssertionError(
                        "failed to compile " + CASES[i][0] + ": " + e.getMessage(), e);
            }
        }
        return trees;
    }

    /** Adds the trees to the page configuration and one output span per tree to the OPEN stage. */
    private static UnaryOperator<String> withExpressions(Map<String, String> trees) {
        StringBuilder entries = new StringBuilder();
        StringBuilder spans = new StringBuilder("<ul>");
        trees.forEach(
                (id, tree) -> {
                    entries.append('"').append(id).append("\":").append(tree).append(',');
                    spans.append("<li><span id=\"case-")
                            .append(id)
                            .append("\" data-ff-expr=\"")
                            .append(id)
                            .append("\"></span></li>");
                });
        spans.append("</ul>");
        return html ->
                html.replace("\"expressions\":{", "\"expressions\":{" + entries)
                        .replace(
                                "<form class=\"ff-block ff-block--create-execution-form",
                                spans + "\n<form class=\"ff-block ff-block--create-execution-form");
    }

    @Test
    void compiledExpressionsEvaluateLikeKestra() {
        try (CheckedPage checked = chromium.open("UTC")) {
            Page page = checked.page();
            page.navigate(server.pageUrl());
            page.getByLabel("Resource Type").selectOption("Cloud VM");
            page.getByLabel("Provide details about the resources you need")
                    .fill("  Hello, World  ");

            // The page renders every expression in the same frame, so once the first one
            // shows the form values, all of them do.
            assertThat(page.locator("#case-t0")).hasText(CASES[0][1]);
            SoftAssertions softly = new SoftAssertions();
            for (int i = 0; i < CASES.length; i++) {
                String shown = page.locator("#case-t" + i).innerText();
                softly.assertThat(shown).as(CASES[i][0]).isEqualTo(CASES[i][1]);
            }
            softly.assertAll();
            checked.assertNoProblems();
        }
    }
}
