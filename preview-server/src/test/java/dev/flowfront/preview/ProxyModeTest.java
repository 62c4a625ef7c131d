package dev.flowfront.preview;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Proxy mode, pointed at a second preview server that stands in for Kestra on 127.0.0.1. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ProxyModeTest {

    @TempDir Path temp;

    @Test
    void forwardsApiToTargetServer() throws Exception {
        Path flows = Files.createDirectories(temp.resolve("flows"));
        Files.writeString(
                flows.resolve("hello.yaml"),
                """
                id: hello
                namespace: company.team
                tasks:
                  - id: hello
                    type: io.kestra.plugin.core.log.Log
                    message: Hello
                """);
        try (SimulatorHarness kestra = new SimulatorHarness(List.of(flows));
                PreviewServer proxy =
                        PreviewServer.builder().proxyTo(kestra.server.url()).port(0).start()) {
            ApiClient api = new ApiClient(proxy.url());

            HttpResponse<String> response = api.post("executions/company.team/hello", Map.of());
            JsonNode created = ApiClient.json(response.body());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(kestra.server.simulator().executionIds())
                    .containsExactly(created.path("id").asText());
        }
    }
}
