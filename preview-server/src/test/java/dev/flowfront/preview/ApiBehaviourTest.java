package dev.flowfront.preview;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowfront.preview.simulator.Route;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** HTTP behaviour of the preview server: routes, errors, auth, CORS, faults and the site. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ApiBehaviourTest {

    private static final String FLOW =
            """
            id: hello
            namespace: company.team
            inputs:
              - id: user
                type: STRING
                defaults: World
            tasks:
              - id: hello
                type: io.kestra.plugin.core.log.Log
                message: "Hello {{ inputs.user }}"
              - id: approve
                type: io.kestra.plugin.core.flow.Pause
                onResume:
                  - id: ok
                    type: BOOL
                    defaults: true
            """;

    @TempDir Path temp;
    private SimulatorHarness harness;

    private ApiClient start(UnaryOperator<PreviewServer.Builder> options) throws IOException {
        Path flows = Files.createDirectories(temp.resolve("flows"));
        Files.writeString(flows.resolve("hello.yaml"), FLOW);
        Path site = Files.createDirectories(temp.resolve("site"));
        Files.writeString(site.resolve("index.html"), "<!doctype html><title>Catalog</title>");
        Path app = Files.createDirectories(site.resolve("apps/company.team/hello_app"));
        Files.writeString(app.resolve("index.html"), "<!doctype html><title>Hello app</title>");
        harness =
                new SimulatorHarness(List.of(flows), builder -> options.apply(builder.site(site)));
        return harness.api;
    }

    private ApiClient start() throws IOException {
        return start(UnaryOperator.identity());
    }

    @AfterEach
    void stop() {
        if (harness != null) {
            harness.close();
        }
    }

    private static String message(HttpResponse<String> response) throws IOException {
        return ApiClient.json(response.body()).path("message").asText();
    }

    @Test
    void createReturnsCreatedExecutionWithUrl() throws Exception {
        ApiClient api = start();

        HttpResponse<String> response = api.post("executions/company.team/hello", Map.of());
        JsonNode body = ApiClient.json(response.body());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(body.path("id").asText()).matches("[0-9A-Za-z]{22}");
        assertThat(body.path("state").path("current").asText()).isEqualTo("CREATED");
        assertThat(body.has("taskRunList")).isFalse();
        assertThat(body.path("url").asText())
                .isEqualTo(
                        harness.server.url()
                                + "ui/main/executions/company.team/hello/"
                                + body.path("id").asText());
    }

    @Test
    void searchFindsExecutionsByLabel() throws Exception {
        ApiClient api = start();
        String first =
                api.create("company.team", "hello?labels=submission:a1", Map.of())
                        .path("id")
                        .asText();
        api.create("company.team", "hello?labels=submission:b2", Map.of());

        JsonNode byFilter =
                ApiClient.json(
                        api.get(
                                        "executions/search?filters%5Blabels%5D%5BEQUALS%5D%5Bsubmission%5D=a1")
                                .body());
        JsonNode byLegacyLabel =
                ApiClient.json(api.get("executions/search?labels=submission:a1").body());
        JsonNode all =
                ApiClient.json(api.get("executions/search?namespace=company.team&size=1").body());

        assertThat(byFilter.path("total").asInt()).isEqualTo(1);
        assertThat(byFilter.path("results").get(0).path("id").asText()).isEqualTo(first);
        assertThat(byLegacyLabel.path("results").get(0).path("id").asText()).isEqualTo(first);
        assertThat(all.path("total").asInt()).isEqualTo(2);
        assertThat(all.path("results")).hasSize(1);
    }

    @Test
    void searchRejectsInvalidPage() throws Exception {
        ApiClient api = start();

        HttpResponse<String> response = api.get("executions/search?page=0");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(message(response)).contains("'page'");
    }

    @Test
    void unknownExecutionGives404() throws Exception {
        ApiClient api = start();

        HttpResponse<String> response = api.get("executions/0000000000000000000000");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(message(response)).contains("0000000000000000000000");
    }

    @Test
    void unknownFlowGives404() throws Exception {
        ApiClient api = start();

        HttpResponse<String> response = api.post("executions/company.team/missing", Map.of());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(message(response)).isEqualTo("Requested Flow is not found.");
    }

    @Test
    void jsonBodiesAreRefusedLikeKestraDoes() throws Exception {
        ApiClient api = start();
        String id = api.create("company.team", "hello", Map.of()).path("id").asText();

        for (String path :
                List.of("executions/company.team/hello", "executions/" + id + "/resume")) {
            HttpResponse<String> response =
                    api.send(
                            api.request(path)
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString("{\"user\":\"Ada\"}"))
                                    .build());

            assertThat(response.statusCode()).as(path).isEqualTo(415);
            assertThat(message(response)).contains("multipart/form-data");
        }
    }

    @Test
    void legacyPathWithoutTenantWorks() throws Exception {
        start();
        ApiClient legacy = new ApiClient(harness.server.url(), "api/v1/");

        JsonNode created = legacy.create("company.team", "hello", Map.of());
        JsonNode fetched = legacy.execution(created.path("id").asText());

        assertThat(fetched.path("id").asText()).isEqualTo(created.path("id").asText());
    }

    @Test
    void killMovesThroughKillingToKilled() throws Exception {
        ApiClient api = start();
        String id = api.create("company.team", "hello", Map.of()).path("id").asText();
        api.awaitState(id, "PAUSED");

        HttpResponse<String> kill = api.delete("executions/" + id + "/kill");
        JsonNode killed = api.awaitState(id, "KILLED");

        assertThat(kill.statusCode()).isEqualTo(202);
        assertThat(kill.body()).isEmpty();
        assertThat(killed.path("state").path("histories").findValuesAsText("state"))
                .endsWith("KILLING", "KILLED");
        assertThat(killed.path("taskRunList").get(1).path("state").path("current").asText())
                .isEqualTo("KILLED");
    }

    @Test
    void flowForExecutionListsPauseInputs() throws Exception {
        ApiClient api = start();

        HttpResponse<String> response = api.get("executions/flows/company.team/hello");
        JsonNode flow = ApiClient.json(response.body());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(flow.path("inputs").get(0).path("defaults").asText()).isEqualTo("World");
        assertThat(flow.path("tasks").get(1).path("inputs").get(0).path("id").asText())
                .isEqualTo("ok");
    }

    @Test
    void basicAuthRejectsMissingCredentials() throws Exception {
        ApiClient api = start(builder -> builder.auth(Auth.basic("ada@example.com", "Secret123")));

        HttpResponse<String> response = api.get("executions/flows/company.team/hello");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate"))
                .hasValue("Basic realm=\"Kestra\"");
    }

    @Test
    void basicAuthAcceptsValidCredentials() throws Exception {
        ApiClient api = start(builder -> builder.auth(Auth.basic("ada@example.com", "Secret123")));
        String credentials =
                Base64.getEncoder()
                        .encodeToString(
                                "ada@example.com:Secret123".getBytes(StandardCharsets.UTF_8));

        HttpResponse<String> response =
                api.authorization("Basic " + credentials)
                        .get("executions/flows/company.team/hello");

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void bearerAuthRejectsWrongToken() throws Exception {
        ApiClient api = start(builder -> builder.auth(Auth.bearer("token-1")));

        HttpResponse<String> wrong =
                api.authorization("Bearer token-2").get("executions/flows/company.team/hello");
        HttpResponse<String> right =
                api.authorization("Bearer token-1").get("executions/flows/company.team/hello");

        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertThat(right.statusCode()).isEqualTo(200);
    }

    @Test
    void corsPreflightIsAnsweredWithoutCredentials() throws Exception {
        ApiClient api =
                start(
                        builder ->
                                builder.auth(Auth.bearer("token"))
                                        .corsOrigins("https://cdn.example.com"));

        HttpResponse<String> response =
                api.send(
                        api.request("executions/company.team/hello")
                                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                                .header("Origin", "https://cdn.example.com")
                                .header("Access-Control-Request-Method", "POST")
                                .header("Access-Control-Request-Headers", "authorization")
                                .build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin"))
                .hasValue("https://cdn.example.com");
        assertThat(response.headers().firstValue("Access-Control-Allow-Methods").orElse(""))
                .contains("POST");
        assertThat(response.headers().firstValue("Access-Control-Allow-Headers").orElse(""))
                .contains("Authorization");
    }

    @Test
    void corsHeadersStayOnUnauthorizedResponses() throws Exception {
        ApiClient api =
                start(
                        builder ->
                                builder.auth(Auth.bearer("token"))
                                        .corsOrigins("https://cdn.example.com"));

        HttpResponse<String> response =
                api.send(
                        api.request("executions/flows/company.team/hello")
                                .header("Origin", "https://cdn.example.com")
                                .GET()
                                .build());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin"))
                .hasValue("https://cdn.example.com");
        assertThat(response.headers().firstValue("Access-Control-Expose-Headers"))
                .hasValue("Content-Disposition");
    }

    @Test
    void corsPreflightFromOtherOriginIsRejected() throws Exception {
        ApiClient api = start(builder -> builder.corsOrigins("https://cdn.example.com"));

        HttpResponse<String> response =
                api.send(
                        api.request("executions/company.team/hello")
                                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                                .header("Origin", "https://evil.example.com")
                                .header("Access-Control-Request-Method", "POST")
                                .build());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void injectedStatusesPrecedeNormalAnswer() throws Exception {
        ApiClient api = start();
        harness.server.faults().statuses(Route.CREATE_EXECUTION, 503, 503, 503);

        int first = api.post("executions/company.team/hello", Map.of()).statusCode();
        int second = api.post("executions/company.team/hello", Map.of()).statusCode();
        int third = api.post("executions/company.team/hello", Map.of()).statusCode();
        int fourth = api.post("executions/company.team/hello", Map.of()).statusCode();

        assertThat(List.of(first, second, third, fourth)).containsExactly(503, 503, 503, 200);
        assertThat(harness.server.faults().requestCount(Route.CREATE_EXECUTION)).isEqualTo(4);
        assertThat(harness.server.simulator().executionIds()).hasSize(1);
    }

    @Test
    void requestCounterCountsOneCreate() throws Exception {
        ApiClient api = start();

        api.create("company.team", "hello", Map.of());

        assertThat(harness.server.faults().requestCount(Route.CREATE_EXECUTION)).isEqualTo(1);
        assertThat(harness.server.faults().requestCount(Route.GET_EXECUTION)).isZero();
    }

    @Test
    void latencyDelaysResponses() throws Exception {
        ApiClient api = start();
        harness.server.faults().latency(Route.FLOW_FOR_EXECUTION, Duration.ofMillis(300));

        long started = System.nanoTime();
        api.get("executions/flows/company.team/hello");
        long elapsedMillis = (System.nanoTime() - started) / 1_000_000;

        assertThat(elapsedMillis).isGreaterThanOrEqualTo(300);
    }

    @Test
    void followDropsAfterConfiguredFrames() throws Exception {
        ApiClient api = start();
        harness.server.faults().dropFollowAfter(2);
        String id = api.create("company.team", "hello", Map.of()).path("id").asText();

        List<ApiClient.Frame> frames;
        try {
            frames = api.follow("executions/" + id + "/follow", frame -> false);
        } catch (IOException e) {
            frames = List.of();
        }

        assertThat(frames).hasSizeLessThanOrEqualTo(2);
        assertThat(frames.stream().map(ApiClient.Frame::id)).doesNotContain("end");
    }

    @Test
    void followOfFinishedExecutionSendsStartThenEnd() throws Exception {
        ApiClient api = start();
        String id = api.create("company.team", "hello", Map.of()).path("id").asText();
        api.awaitState(id, "PAUSED");
        api.delete("executions/" + id + "/kill");
        api.awaitState(id, "KILLED");

        List<ApiClient.Frame> frames = api.follow("executions/" + id + "/follow", frame -> false);

        assertThat(frames.stream().map(ApiClient.Frame::id)).containsExactly("start", "end");
        assertThat(frames.get(0).data().path("id").asText()).isEqualTo(id);
    }

    @Test
    void followOfUnknownExecutionClosesWithoutEnd() throws Exception {
        ApiClient api = start();

        List<ApiClient.Frame> frames =
                api.follow("executions/0000000000000000000000/follow", frame -> false);

        assertThat(frames.stream().map(ApiClient.Frame::id)).containsExactly("start");
    }

    @Test
    void killWithoutCascadeOnFinishedGives409() throws Exception {
        ApiClient api = start();
        String id = api.create("company.team", "hello", Map.of()).path("id").asText();
        api.awaitState(id, "PAUSED");
        api.delete("executions/" + id + "/kill");
        api.awaitState(id, "KILLED");

        HttpResponse<String> again = api.delete("executions/" + id + "/kill");
        HttpResponse<String> noCascade =
                api.delete("executions/" + id + "/kill?isOnKillCascade=false");

        assertThat(again.statusCode()).isEqualTo(202);
        assertThat(noCascade.statusCode()).isEqualTo(409);
    }

    @Test
    void siteIsServedAtRoot() throws Exception {
        start();
        ApiClient site = new ApiClient(harness.server.url(), "");

        HttpResponse<String> response = site.get("");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("<title>Catalog</title>");
    }

    @Test
    void appPageIsServedFromItsFolder() throws Exception {
        start();
        ApiClient site = new ApiClient(harness.server.url(), "");

        HttpResponse<String> response = site.get("apps/company.team/hello_app/");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse(""))
                .startsWith("text/html");
        assertThat(response.body()).contains("<title>Hello app</title>");
    }

    @Test
    void unknownApiPathGives404() throws Exception {
        ApiClient api = start();

        HttpResponse<String> response = api.get("nothing/here");

        assertThat(response.statusCode()).isEqualTo(404);
    }
}
