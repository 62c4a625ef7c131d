package dev.flowfront.preview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flowfront.preview.simulator.ApiExchange;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Shows that the contract check rejects responses that break the spec; needs
 * -Dflowfront.kestraSpec.
 */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ContractCheckTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path temp;
    private ContractCheck contract;

    @BeforeEach
    void loadSpec() {
        contract = ContractCheck.fromSystemProperty();
        assumeTrue(contract != null, "set -Dflowfront.kestraSpec to run the contract check tests");
    }

    private ApiExchange executionResponse() throws Exception {
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
        try (SimulatorHarness harness = new SimulatorHarness(List.of(flows))) {
            String id = harness.api.create("company.team", "hello", Map.of()).path("id").asText();
            harness.api.awaitState(id, "SUCCESS");
            return harness.exchanges().stream()
                    .filter(exchange -> exchange.method().equals("GET"))
                    .reduce((first, second) -> second)
                    .orElseThrow();
        }
    }

    private static ApiExchange withBody(ApiExchange exchange, ObjectNode body) throws Exception {
        return new ApiExchange(
                exchange.method(),
                exchange.path(),
                exchange.query(),
                exchange.status(),
                exchange.headers(),
                exchange.contentType(),
                JSON.writeValueAsBytes(body),
                exchange.eventId());
    }

    @Test
    void acceptsSimulatorExecution() throws Exception {
        ApiExchange exchange = executionResponse();

        assertThat(contract.check(exchange)).isEmpty();
    }

    @Test
    void rejectsExecutionWithoutRequiredState() throws Exception {
        ApiExchange exchange = executionResponse();
        ObjectNode body = (ObjectNode) JSON.readTree(exchange.body());
        body.remove("state");

        List<String> problems = contract.check(withBody(exchange, body));

        assertThat(problems)
                .anySatisfy(problem -> assertThat(problem).contains("required").contains("state"));
    }

    @Test
    void rejectsFollowFrameWithoutRequiredId() throws Exception {
        ApiExchange exchange = executionResponse();
        ObjectNode body = (ObjectNode) JSON.readTree(exchange.body());
        body.remove("id");
        ApiExchange frame =
                new ApiExchange(
                        "GET",
                        exchange.path() + "/follow",
                        Map.of(),
                        200,
                        Map.of(),
                        "text/event-stream",
                        JSON.writeValueAsBytes(body),
                        "progress");

        List<String> problems = contract.check(frame);

        assertThat(problems)
                .anySatisfy(
                        problem -> assertThat(problem).contains("frame 'progress'").contains("id"));
    }

    @Test
    void rejectsTaskRunWithWrongType() throws Exception {
        ApiExchange exchange = executionResponse();
        ObjectNode body = (ObjectNode) JSON.readTree(exchange.body());
        ((ObjectNode) body.path("taskRunList").get(0)).put("iteration", "first");

        List<String> problems = contract.check(withBody(exchange, body));

        assertThat(problems).anySatisfy(problem -> assertThat(problem).contains("iteration"));
    }
}
