package dev.flowfront.preview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Plays the real flows of the corpus given by {@code -Dflowfront.corpus}; skipped without it. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class CorpusPlaybackTest {

    @TempDir Path temp;
    private SimulatorHarness harness;

    private ApiClient start(UnaryOperator<PreviewServer.Builder> options) {
        String corpus = System.getProperty("flowfront.corpus", "");
        assumeTrue(!corpus.isBlank(), "set -Dflowfront.corpus to run the corpus tests");
        harness = new SimulatorHarness(List.of(Path.of(corpus, "flows")), options);
        return harness.api;
    }

    private ApiClient start() {
        return start(UnaryOperator.identity());
    }

    @AfterEach
    void stop() {
        if (harness != null) {
            harness.close();
        }
    }

    private static List<String> messages(JsonNode logs) {
        List<String> messages = new ArrayList<>();
        logs.forEach(log -> messages.add(log.path("message").asText()));
        return messages;
    }

    @Test
    void myflowLogsHelloWorldByDefault() throws Exception {
        ApiClient api = start();

        JsonNode created = api.create("company.team", "myflow", Map.of());
        api.awaitState(created.path("id").asText(), "SUCCESS");

        assertThat(messages(api.logs(created.path("id").asText(), "")))
                .containsExactly("Hello World");
    }

    @Test
    void myflowLogsTheUserInput() throws Exception {
        ApiClient api = start();

        JsonNode created = api.create("company.team", "myflow", Map.of("user", "Ada"));
        api.awaitState(created.path("id").asText(), "SUCCESS");

        assertThat(messages(api.logs(created.path("id").asText(), "")))
                .containsExactly("Hello Ada");
    }

    @Test
    void requestResourcesPausesThenResumesWithComment() throws Exception {
        ApiClient api = start();
        JsonNode created =
                api.create(
                        "company.team",
                        "request_resources",
                        Map.of(
                                "resource_type",
                                "Cloud VM",
                                "cloud_provider",
                                "AWS",
                                "deadline",
                                "2026-01-31",
                                "comment",
                                "two VMs"));
        String id = created.path("id").asText();
        JsonNode paused = api.awaitState(id, "PAUSED");
        assertThat(paused.path("taskRunList").findValuesAsText("taskId"))
                .contains("wait_for_approval");

        HttpResponse<String> resume =
                api.post(
                        "executions/" + id + "/resume",
                        Map.of("provisioning_status", "false", "comment", "x"));
        assertThat(resume.statusCode()).isEqualTo(204);
        api.awaitState(id, "SUCCESS");

        List<String> messages = messages(api.logs(id, "?taskId=log"));
        assertThat(messages).hasSize(1);
        assertThat(messages.get(0)).startsWith("Status of the request x.");
    }

    @Test
    void requestResourcesKilledWhilePausedEndsKilled() throws Exception {
        ApiClient api = start();
        JsonNode created =
                api.create(
                        "company.team",
                        "request_resources",
                        Map.of(
                                "resource_type",
                                "Access permissions",
                                "access_permissions",
                                "Admin",
                                "deadline",
                                "2026-01-31",
                                "comment",
                                "access"));
        String id = created.path("id").asText();
        api.awaitState(id, "PAUSED");

        HttpResponse<String> kill = api.delete("executions/" + id + "/kill");

        assertThat(kill.statusCode()).isEqualTo(202);
        JsonNode killed = api.awaitState(id, "KILLED");
        assertThat(killed.path("state").path("histories").findValuesAsText("state"))
                .containsSubsequence("PAUSED", "KILLING", "KILLED");
    }

    @Test
    void vacationNestsDottedInputsAndPauses() throws Exception {
        ApiClient api = start();

        JsonNode created =
                api.create(
                        "company.team",
                        "vacation",
                        Map.of(
                                "request.name",
                                "Ada",
                                "request.start_date",
                                "2026-07-01",
                                "request.end_date",
                                "2026-07-14"));
        JsonNode paused = api.awaitState(created.path("id").asText(), "PAUSED");

        assertThat(created.path("inputs").path("request").path("name").asText()).isEqualTo("Ada");
        assertThat(paused.path("inputs").path("request").path("start_date").asText())
                .isEqualTo("2026-07-01");
    }

    @Test
    void aiAssistantRunsTheDiscoveryCaseFromAFixture() throws Exception {
        Path fixtures = Files.createDirectories(temp.resolve("fixtures"));
        Files.writeString(
                fixtures.resolve("ai_assistant.yaml"),
                """
                namespace: company.team
                flowId: ai_assistant
                fixtures:
                  tasks:
                    - id: llm_categorization
                      outputs:
                        body: '{"labels": ["discovery", "follow up"], "scores": [0.9, 0.1]}'
                    - id: discovery_prompt
                      outputs:
                        body: '{"choices": [{"message": {"content": "Which timeline?"}}]}'
                """);
        ApiClient api = start(builder -> builder.fixtures(fixtures));

        JsonNode created =
                api.create("company.team", "ai_assistant", Map.of("user_context", "We plan Q3"));
        String id = created.path("id").asText();
        JsonNode done = api.awaitState(id, "SUCCESS", "FAILED");

        assertThat(done.path("state").path("current").asText()).isEqualTo("SUCCESS");
        assertThat(done.path("taskRunList").findValuesAsText("taskId"))
                .contains("discovery_prompt", "log_response3")
                .doesNotContain("log_response", "log_response2");
        assertThat(messages(api.logs(id, "?taskId=log_response3")))
                .containsExactly("{\"choices\":[{\"message\":{\"content\":\"Which timeline?\"}}]}");
    }

    @Test
    void aiAssistantWithoutSecretFailsWithErrorLog() throws Exception {
        ApiClient api = start();

        JsonNode created = api.create("company.team", "ai_assistant", Map.of("user_context", "Hi"));
        String id = created.path("id").asText();
        JsonNode done = api.awaitState(id, "FAILED");

        JsonNode errors = api.logs(id, "?minLevel=ERROR");
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).path("taskId").asText()).isEqualTo("llm_categorization");
        assertThat(errors.get(0).path("message").asText()).contains("HF_API_TOKEN");
        assertThat(done.path("taskRunList").get(0).path("state").path("current").asText())
                .isEqualTo("FAILED");
    }

    @Test
    void aiAssistantFailsOnJsonExpression() throws Exception {
        ApiClient api = start(builder -> builder.secret("HF_API_TOKEN", "token"));

        JsonNode created = api.create("company.team", "ai_assistant", Map.of("user_context", "Hi"));
        String id = created.path("id").asText();
        api.awaitState(id, "FAILED");

        JsonNode errors = api.logs(id, "?minLevel=ERROR");
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).path("taskId").asText()).isEqualTo("message_category");
    }

    @Test
    void followFramesAcrossPauseAndResume() throws Exception {
        ApiClient api = start();
        JsonNode created =
                api.create(
                        "company.team",
                        "vacation",
                        Map.of(
                                "request.name",
                                "Ada",
                                "request.start_date",
                                "2026-07-01",
                                "request.end_date",
                                "2026-07-14"));
        String id = created.path("id").asText();

        List<ApiClient.Frame> untilPaused =
                api.follow(
                        "executions/" + id + "/follow",
                        frame ->
                                frame.data()
                                        .path("state")
                                        .path("current")
                                        .asText()
                                        .equals("PAUSED"));
        Thread resumer =
                new Thread(
                        () -> {
                            try {
                                api.post("executions/" + id + "/resume", Map.of("comment", "ok"));
                            } catch (Exception e) {
                                throw new IllegalStateException(e);
                            }
                        });
        List<ApiClient.Frame> frames = new ArrayList<>();
        frames.addAll(
                api.follow(
                        "executions/" + id + "/follow",
                        frame -> {
                            if (frame.data().path("state").path("current").asText().equals("PAUSED")
                                    && resumer.getState() == Thread.State.NEW) {
                                resumer.start();
                            }
                            return false;
                        }));
        resumer.join();

        assertThat(untilPaused.get(0).id()).isEqualTo("start");
        List<String> ids = frames.stream().map(ApiClient.Frame::id).toList();
        assertThat(ids.get(0)).isEqualTo("start");
        assertThat(ids.get(ids.size() - 1)).isEqualTo("end");
        assertThat(ids.subList(1, ids.size() - 1)).isNotEmpty().containsOnly("progress");
        List<String> states =
                frames.stream()
                        .skip(1)
                        .map(frame -> frame.data().path("state").path("current").asText())
                        .toList();
        assertThat(states).containsSubsequence("PAUSED", "RUNNING", "SUCCESS");
        assertThat(frames.get(frames.size() - 1).data().path("state").path("current").asText())
                .isEqualTo("SUCCESS");
    }
}
