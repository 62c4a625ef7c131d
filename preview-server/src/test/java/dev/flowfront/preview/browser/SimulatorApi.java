package dev.flowfront.preview.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Reads executions from the preview server's simulated Kestra API, to check what it received. */
final class SimulatorApi {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;

    SimulatorApi(URI serverUrl) {
        this.base = serverUrl.resolve("api/v1/main/");
    }

    JsonNode execution(String id) {
        return send(HttpRequest.newBuilder(base.resolve("executions/" + id)).GET().build());
    }

    /** Starts an execution with no inputs sent, so every input takes its default. */
    JsonNode create(String namespace, String flowId) {
        String boundary = "flowfront-test-boundary";
        return send(
                HttpRequest.newBuilder(base.resolve("executions/" + namespace + "/" + flowId))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofString("--" + boundary + "--\r\n"))
                        .build());
    }

    private JsonNode send(HttpRequest request) {
        try {
            HttpResponse<String> response =
                    client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(
                        request.method()
                                + " "
                                + request.uri()
                                + " answered "
                                + response.statusCode()
                                + ": "
                                + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
