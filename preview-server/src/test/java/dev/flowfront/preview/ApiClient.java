package dev.flowfront.preview;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/** A small Kestra API client for tests, on {@link HttpClient}. */
final class ApiClient {

    /** One event-stream frame. */
    record Frame(String id, JsonNode data) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;
    private String authorization;

    ApiClient(URI serverUrl, String tenantPrefix) {
        this.base = serverUrl.resolve(tenantPrefix);
    }

    ApiClient(URI serverUrl) {
        this(serverUrl, "api/v1/main/");
    }

    ApiClient authorization(String value) {
        this.authorization = value;
        return this;
    }

    /** Multipart parts: a String value is a text part, a {@link FilePart} a file part. */
    record FilePart(String fileName, byte[] content) {}

    HttpResponse<String> post(String path, Map<String, Object> parts)
            throws IOException, InterruptedException {
        String boundary = "----flowfront" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Map.Entry<String, Object> part : parts.entrySet()) {
            body.writeBytes(("--" + boundary + "\r\n").getBytes(StandardCharsets.UTF_8));
            if (part.getValue() instanceof FilePart file) {
                body.writeBytes(
                        ("Content-Disposition: form-data; name=\""
                                        + part.getKey()
                                        + "\"; filename=\""
                                        + file.fileName()
                                        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                                .getBytes(StandardCharsets.UTF_8));
                body.writeBytes(file.content());
            } else {
                body.writeBytes(
                        ("Content-Disposition: form-data; name=\""
                                        + part.getKey()
                                        + "\"\r\n\r\n"
                                        + part.getValue())
                                .getBytes(StandardCharsets.UTF_8));
            }
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request =
                request(path)
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                        .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<byte[]> getBytes(String path) throws IOException, InterruptedException {
        return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<String> delete(String path) throws IOException, InterruptedException {
        return http.send(request(path).DELETE().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder =
                HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(20));
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        return builder;
    }

    /** Creates an execution of a flow and returns its JSON; fails unless the status is 200. */
    JsonNode create(String namespace, String flowId, Map<String, Object> parts) throws Exception {
        HttpResponse<String> response = post("executions/" + namespace + "/" + flowId, parts);
        if (response.statusCode() != 200) {
            throw new AssertionError(
                    "create returned " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    JsonNode execution(String id) throws Exception {
        return JSON.readTree(get("executions/" + id).body());
    }

    /** Polls the execution until its state is one of the given ones, for up to 20 seconds. */
    JsonNode awaitState(String id, String... states) throws Exception {
        long deadline = System.currentTimeMillis() + 20_000;
        List<String> wanted = List.of(states);
        JsonNode execution = execution(id);
        while (!wanted.contains(execution.path("state").path("current").asText())) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError(
                        "execution " + id + " never reached " + wanted + ": " + execution);
            }
            Thread.onSpinWait();
            execution = execution(id);
        }
        return execution;
    }

    JsonNode logs(String id, String query) throws Exception {
        return JSON.readTree(get("logs/" + id + query).body());
    }

    /** Reads frames of an event stream until the stream ends or {@code stop} accepts a frame. */
    List<Frame> follow(String path, Predicate<Frame> stop) throws Exception {
        HttpRequest request = request(path).header("Accept", "text/event-stream").GET().build();
        HttpResponse<InputStream> response =
                http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        List<Frame> frames = new ArrayList<>();
        try (BufferedReader reader =
                new BufferedReader(
                        new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            Map<String, String> fields = new LinkedHashMap<>();
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isEmpty()) {
                    int colon = line.indexOf(':');
                    fields.put(line.substring(0, colon), line.substring(colon + 1).stripLeading());
                    continue;
                }
                Frame frame =
                        new Frame(
                                fields.get("id"),
                                JSON.readTree(fields.getOrDefault("data", "null")));
                fields.clear();
                frames.add(frame);
                if (stop.test(frame)) {
                    break;
                }
            }
        }
        return frames;
    }

    static JsonNode json(String text) throws IOException {
        return JSON.readTree(text);
    }
}
