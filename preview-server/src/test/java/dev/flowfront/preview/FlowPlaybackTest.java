package dev.flowfront.preview;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Playback of the task types the simulator runs itself. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class FlowPlaybackTest {

    private static final String FLOWABLE =
            """
            id: flowable
            namespace: company.team
            inputs:
              - id: color
                type: SELECT
                values: [red, blue, green]
            variables:
              greeting: Hi
            tasks:
              - id: first
                type: io.kestra.plugin.core.debug.Return
                format: "{{ vars.greeting }} {{ inputs.color }}"
              - id: values
                type: io.kestra.plugin.core.output.OutputValues
                values:
                  shade: "dark {{ inputs.color }}"
              - id: pick
                type: io.kestra.plugin.core.flow.Switch
                value: "{{ inputs.color }}"
                cases:
                  red:
                    - id: red_log
                      type: io.kestra.plugin.core.log.Log
                      message: red case
                defaults:
                  - id: default_log
                    type: io.kestra.plugin.core.log.Log
                    message: "default case for {{ outputs.values.values.shade }}"
              - id: check
                type: io.kestra.plugin.core.flow.If
                condition: "{{ inputs.color == 'blue' }}"
                then:
                  - id: blue_log
                    type: io.kestra.plugin.core.log.Log
                    message: is blue
                else:
                  - id: not_blue_log
                    type: io.kestra.plugin.core.log.Log
                    message: not blue
              - id: each
                type: io.kestra.plugin.core.flow.ForEach
                values: ["a", "b"]
                tasks:
                  - id: item_log
                    type: io.kestra.plugin.core.log.Log
                    message: "item {{ taskrun.value }}"
              - id: both
                type: io.kestra.plugin.core.flow.Parallel
                tasks:
                  - id: left
                    type: io.kestra.plugin.core.log.Log
                    message: left
                  - id: right
                    type: io.kestra.plugin.core.log.Log
                    message: right
              - id: nap
                type: io.kestra.plugin.core.flow.Sleep
                duration: PT1S
              - id: fetch
                type: io.kestra.plugin.core.http.Download
                uri: "https://example.com/{{ inputs.color }}.csv"
            outputs:
              - id: summary
                type: STRING
                value: "{{ outputs.first.value }}"
              - id: file
                type: FILE
                value: "{{ outputs.fetch.uri }}"
            """;

    private static final String FAILING =
            """
            id: failing
            namespace: company.team
            tasks:
              - id: before
                type: io.kestra.plugin.core.log.Log
                message: "{{ inputs.nothing }}"
              - id: never
                type: io.kestra.plugin.core.log.Log
                message: never
            errors:
              - id: on_error
                type: io.kestra.plugin.core.log.Log
                message: handled
            """;

    private static final String FAIL_TASK =
            """
            id: fail_task
            namespace: company.team
            tasks:
              - id: stop
                type: io.kestra.plugin.core.execution.Fail
                errorMessage: "stopped by {{ flow.id }}"
            """;

    private static final String TIMED_PAUSE =
            """
            id: timed_pause
            namespace: company.team
            tasks:
              - id: wait
                type: io.kestra.plugin.core.flow.Pause
                pauseDuration: PT5S
                behavior: WARN
              - id: after
                type: io.kestra.plugin.core.log.Log
                message: after
            """;

    @TempDir Path temp;
    private SimulatorHarness harness;
    private ApiClient api;

    @BeforeEach
    void start() throws Exception {
        Path flows = Files.createDirectories(temp.resolve("flows"));
        Files.writeString(flows.resolve("flowable.yaml"), FLOWABLE);
        Files.writeString(flows.resolve("failing.yaml"), FAILING);
        Files.writeString(flows.resolve("fail_task.yaml"), FAIL_TASK);
        Files.writeString(flows.resolve("timed_pause.yaml"), TIMED_PAUSE);
        harness = new SimulatorHarness(List.of(flows));
        api = harness.api;
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    private List<String> messages(String id) throws Exception {
        List<String> messages = new ArrayList<>();
        api.logs(id, "").forEach(log -> messages.add(log.path("message").asText()));
        return messages;
    }

    @Test
    void flowableTasksFollowInputs() throws Exception {
        String id =
                api.create("company.team", "flowable", Map.of("color", "green"))
                        .path("id")
                        .asText();

        api.awaitState(id, "SUCCESS");

        assertThat(messages(id))
                .containsExactlyInAnyOrder(
                        "default case for dark green",
                        "not blue",
                        "item a",
                        "item b",
                        "left",
                        "right");
    }

    @Test
    void flowOutputsAreSetAtTheEnd() throws Exception {
        String id =
                api.create("company.team", "flowable", Map.of("color", "red")).path("id").asText();

        JsonNode done = api.awaitState(id, "SUCCESS");

        assertThat(done.path("outputs").path("summary").asText()).isEqualTo("Hi red");
        String file = done.path("outputs").path("file").asText();
        assertThat(file)
                .startsWith("kestra:///company/team/flowable/executions/" + id + "/tasks/fetch/")
                .endsWith("/red.csv");
        HttpResponse<String> download = api.get("executions/" + id + "/file?path=" + file);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).contains("fetch");
    }

    @Test
    void fixtureFilesBecomeDownloadableOutputFiles() throws Exception {
        Path flows = Files.createDirectories(temp.resolve("script-flows"));
        Files.writeString(
                flows.resolve("script.yaml"),
                """
                id: script
                namespace: company.team
                tasks:
                  - id: build
                    type: io.kestra.plugin.scripts.shell.Commands
                    outputFiles: [report.csv]
                    commands: [echo]
                outputs:
                  - id: report
                    type: FILE
                    value: "{{ outputs.build.outputFiles['report.csv'] }}"
                """);
        Path fixtures = Files.createDirectories(temp.resolve("fixtures"));
        Files.writeString(
                fixtures.resolve("script.yaml"),
                """
                namespace: company.team
                flowId: script
                fixtures:
                  tasks:
                    - id: build
                      outputs:
                        exitCode: 0
                      files:
                        report.csv: "a,b\\n1,2\\n"
                """);
        try (SimulatorHarness scripts =
                new SimulatorHarness(List.of(flows), builder -> builder.fixtures(fixtures))) {
            String id = scripts.api.create("company.team", "script", Map.of()).path("id").asText();

            JsonNode done = scripts.api.awaitState(id, "SUCCESS");

            String file = done.path("outputs").path("report").asText();
            assertThat(file)
                    .startsWith("kestra:///company/team/script/executions/" + id + "/tasks/build/")
                    .endsWith("/report.csv");
            HttpResponse<String> download =
                    scripts.api.get("executions/" + id + "/file?path=" + file);
            assertThat(download.statusCode()).isEqualTo(200);
            assertThat(download.body()).isEqualTo("a,b\n1,2\n");
        }
    }

    @Test
    void forEachRunsCarryTheIterationValue() throws Exception {
        String id =
                api.create("company.team", "flowable", Map.of("color", "red")).path("id").asText();

        JsonNode done = api.awaitState(id, "SUCCESS");

        List<String> values = new ArrayList<>();
        done.path("taskRunList")
                .forEach(
                        run -> {
                            if (run.path("taskId").asText().equals("item_log")) {
                                values.add(run.path("value").asText());
                            }
                        });
        assertThat(values).containsExactly("a", "b");
    }

    @Test
    void failingExpressionFailsTaskAndRunsErrors() throws Exception {
        String id = api.create("company.team", "failing", Map.of()).path("id").asText();

        JsonNode done = api.awaitState(id, "FAILED");

        JsonNode errors = api.logs(id, "?minLevel=ERROR");
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).path("taskId").asText()).isEqualTo("before");
        assertThat(errors.get(0).path("message").asText()).contains("Unable to find `nothing`");
        assertThat(done.path("taskRunList").findValuesAsText("taskId"))
                .containsExactly("before", "on_error");
        assertThat(messages(id)).contains("handled");
    }

    @Test
    void failTaskLogsRenderedMessage() throws Exception {
        String id = api.create("company.team", "fail_task", Map.of()).path("id").asText();

        api.awaitState(id, "FAILED");

        assertThat(messages(id)).containsExactly("stopped by fail_task");
    }

    @Test
    void createWithWaitReturnsFinalState() throws Exception {
        HttpResponse<String> response =
                api.post("executions/company.team/fail_task?wait=true", Map.of());

        JsonNode body = ApiClient.json(response.body());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(body.path("state").path("current").asText()).isEqualTo("FAILED");
        assertThat(body.path("taskRunList").get(0).path("taskId").asText()).isEqualTo("stop");
    }

    @Test
    void pauseDurationElapsesWithBehavior() throws Exception {
        String id = api.create("company.team", "timed_pause", Map.of()).path("id").asText();

        JsonNode done = api.awaitState(id, "WARNING", "SUCCESS");

        assertThat(done.path("state").path("current").asText()).isEqualTo("WARNING");
        assertThat(done.path("taskRunList").get(0).path("state").path("current").asText())
                .isEqualTo("WARNING");
        assertThat(messages(id)).containsExactly("after");
    }

    @Test
    void logsFilterByLevelAndTask() throws Exception {
        String id =
                api.create("company.team", "flowable", Map.of("color", "blue")).path("id").asText();
        api.awaitState(id, "SUCCESS");

        JsonNode onlyBlue = api.logs(id, "?taskId=blue_log");
        JsonNode errors = api.logs(id, "?minLevel=ERROR");

        assertThat(onlyBlue).hasSize(1);
        assertThat(onlyBlue.get(0).path("message").asText()).isEqualTo("is blue");
        assertThat(errors).isEmpty();
    }

    @Test
    void logFollowStreamsStoredThenLiveLines() throws Exception {
        String id =
                api.create("company.team", "flowable", Map.of("color", "red")).path("id").asText();

        List<ApiClient.Frame> frames =
                api.follow(
                        "logs/" + id + "/follow?minLevel=INFO",
                        frame -> frame.data().path("message").asText().equals("right"));

        assertThat(frames.get(0).id()).isEqualTo("start");
        assertThat(frames.stream().skip(1).map(ApiClient.Frame::id)).containsOnly("progress");
        assertThat(frames.stream().map(frame -> frame.data().path("message").asText()))
                .containsSubsequence("red case", "not blue", "item a");
    }
}
