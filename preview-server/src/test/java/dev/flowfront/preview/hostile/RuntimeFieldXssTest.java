package dev.flowfront.preview.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import dev.flowfront.generator.api.AppCompiler;
import dev.flowfront.generator.api.CompileOptions;
import dev.flowfront.generator.api.CompileResult;
import dev.flowfront.preview.PreviewServer;
import dev.flowfront.preview.browser.CheckedPage;
import dev.flowfront.preview.browser.Chromium;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every XSS vector in every field that reaches the page at run time. Each is typed into the form
 * and submitted, and the simulated flow echoes it back as a log message, a task output, a flow
 * output and a file name. The API also returns it as a 422 error message. Nothing may run.
 */
class RuntimeFieldXssTest {

    /** Run-time fields each vector is tried in. */
    private static final List<String> FIELDS =
            List.of(
                    "input value",
                    "log message",
                    "task output",
                    "flow output",
                    "file name",
                    "API error message");

    @TempDir static Path work;

    private static List<String> vectors;
    private static PreviewServer server;
    private static Chromium browser;

    @BeforeAll
    static void buildAndServe() throws IOException {
        vectors = XssVectors.all();
        Path apps = Files.createDirectories(work.resolve("apps"));
        Path flows = Files.createDirectories(work.resolve("flows"));
        Files.writeString(apps.resolve("echo.yaml"), echoApp(vectors.size()));
        Files.writeString(flows.resolve("echo.yaml"), echoFlow(vectors.size()));
        Path site = work.resolve("site");
        CompileResult result =
                new AppCompiler()
                        .compile(
                                CompileOptions.builder()
                                        .appsDirectory(apps)
                                        .flowsDirectory(flows)
                                        .outputDirectory(site)
                                        .build());
        assertThat(result.hasErrors()).as("problems: %s", result.problems()).isFalse();
        server = PreviewServer.builder().site(site).flows(flows).port(0).speed(50).start();
        browser = Chromium.launch();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private static String echoApp(int count) {
        StringBuilder yaml =
                new StringBuilder(
                        """
                        id: echo
                        type: io.kestra.plugin.ee.apps.Execution
                        namespace: hostile
                        flowId: echo
                        layout:
                          - on: OPEN
                            blocks:
                              - type: io.kestra.plugin.ee.apps.execution.blocks.CreateExecutionForm
                              - type: io.kestra.plugin.ee.apps.execution.blocks.CreateExecutionButton
                                text: Submit
                          - on: SUCCESS
                            blocks:
                              - type: io.kestra.plugin.ee.apps.execution.blocks.Inputs
                              - type: io.kestra.plugin.ee.apps.execution.blocks.Outputs
                              - type: io.kestra.plugin.ee.apps.execution.blocks.Logs
                              - type: io.kestra.plugin.ee.apps.execution.blocks.TaskOutputs
                                outputs:
                        """);
        for (int i = 0; i < count; i++) {
            yaml.append("          - displayName: v")
                    .append(i)
                    .append("\n            value: \"{{ outputs.values.values.v")
                    .append(i)
                    .append(" }}\"\n");
        }
        return yaml.toString();
    }

    private static String echoFlow(int count) {
        StringBuilder inputs = new StringBuilder("inputs:\n");
        StringBuilder messages = new StringBuilder();
        StringBuilder values = new StringBuilder();
        StringBuilder outputs = new StringBuilder("outputs:\n");
        for (int i = 0; i < count; i++) {
            String input = "\"{{ inputs.p" + i + " }}\"";
            inputs.append("  - id: p").append(i).append("\n    type: STRING\n");
            inputs.append("    required: false\n");
            messages.append("      - ").append(input).append('\n');
            values.append("      v").append(i).append(": ").append(input).append('\n');
            outputs.append("  - id: o").append(i).append("\n    type: STRING\n");
            outputs.append("    value: ").append(input).append('\n');
            outputs.append("  - id: f").append(i).append("\n    type: FILE\n");
            outputs.append("    value: \"kestra:///hostile/echo/{{ inputs.p")
                    .append(i)
                    .append(" }}\"\n");
        }
        return "id: echo\nnamespace: hostile\n"
                + inputs
                + "tasks:\n  - id: log\n    type: io.kestra.plugin.core.log.Log\n    message:\n"
                + messages
                + "  - id: values\n    type: io.kestra.plugin.core.output.OutputValues\n"
                + "    values:\n"
                + values
                + outputs;
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }

    private URI pageUrl() {
        return server.url().resolve("apps/hostile/echo/index.html");
    }

    @Test
    void echoedVectorsNeverRun() {
        List<String> executed = new ArrayList<>();
        try (CheckedPage tab = browser.open()) {
            Page page = tab.page();
            XssProbe probe = new XssProbe(tab.context(), page);
            probe.open(page, pageUrl());
            page.locator("section[data-ff-stage=OPEN]").waitFor();
            for (int i = 0; i < vectors.size(); i++) {
                page.locator("[name=p" + i + "]").fill(vectors.get(i));
            }

            page.locator("[data-ff-action=create]").click();
            Locator success = page.locator("section[data-ff-stage=SUCCESS]");
            success.waitFor();
            page.waitForFunction(
                    "count => document.querySelectorAll('section[data-ff-stage=SUCCESS]"
                            + " .ff-log-message').length >= count",
                    vectors.size());
            executed.addAll(probe.collect(page, "echoed values"));
            tab.assertNoProblems();

            assertThat(success.locator(".ff-log-message").allTextContents())
                    .containsExactlyElementsOf(vectors);
            for (int i = 0; i < vectors.size(); i++) {
                // Input value, log message, task output, flow output and file name, each as text.
                // A file name loses what precedes a slash, and its percent escapes are decoded.
                if (!vectors.get(i).contains("/") && !vectors.get(i).contains("%")) {
                    assertThat(occurrences(success.textContent(), vectors.get(i)))
                            .as("text copies of %s", vectors.get(i))
                            .isGreaterThanOrEqualTo(FIELDS.size() - 1);
                }
            }
        }

        print("echoed fields", FIELDS.size() - 1, executed.size());
        assertThat(executed).as("signs of executed markup").isEmpty();
    }

    @Test
    void apiErrorMessagesNeverRun() {
        List<String> executed = new ArrayList<>();
        AtomicReference<String> message = new AtomicReference<>();
        try (CheckedPage tab = browser.open()) {
            Page page = tab.page();
            XssProbe probe = new XssProbe(tab.context(), page);
            tab.allowConsoleError("status of 422");
            page.route(
                    url -> url.contains("/api/v1/main/executions/hostile/echo?"),
                    route -> answerInvalid(route, message.get()));
            probe.open(page, pageUrl());
            page.locator("section[data-ff-stage=OPEN]").waitFor();
            Locator error = page.locator("[data-ff-error-for=p0]");
            for (int i = 0; i < vectors.size(); i++) {
                message.set(vectors.get(i));
                page.locator("[name=p0]").fill("attempt " + i);
                page.locator("[data-ff-action=create]").click();
                page.waitForFunction(
                        "n => { const e = document.querySelector('[data-ff-error-for=p0]');"
                                + " return !e.hidden && e.dataset.ffAttempt !== String(n)"
                                + " && (e.dataset.ffAttempt = String(n)); }",
                        i);
                executed.addAll(probe.collect(page, "error " + i + " " + vectors.get(i)));
                assertThat(error.textContent().strip()).isNotEmpty();
            }
            tab.assertNoProblems();
        }

        print("API error message", 1, executed.size());
        assertThat(executed).as("signs of executed markup").isEmpty();
    }

    private static void answerInvalid(Route route, String vector) {
        String body =
                YamlLines.quote("Invalid entity: Invalid value for input `p0`. Cause: " + vector);
        route.fulfill(
                new Route.FulfillOptions()
                        .setStatus(422)
                        .setHeaders(Map.of("Content-Type", "application/json"))
                        .setBody("{\"message\":" + body + "}"));
    }

    private static void print(String what, int fields, int executed) {
        System.out.printf(
                "XSS run-time %s: %d vectors x %d fields = %d tried, %d executed%n",
                what, vectors.size(), fields, vectors.size() * fields, executed);
    }
}
