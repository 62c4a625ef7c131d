package dev.flowfront.preview;

import dev.flowfront.preview.simulator.ApiExchange;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

/**
 * Starts a preview server for a test and collects the contract violations of every response it
 * sends; {@link #close()} fails the test when there are any.
 */
final class SimulatorHarness implements AutoCloseable {

    /** Speed factor for tests: a 200 ms task step takes 4 ms. */
    static final double TEST_SPEED = 50;

    private final List<String> violations = new CopyOnWriteArrayList<>();
    private final List<ApiExchange> exchanges = new CopyOnWriteArrayList<>();
    final PreviewServer server;
    final ApiClient api;

    SimulatorHarness(List<Path> flows, UnaryOperator<PreviewServer.Builder> options) {
        ContractCheck contract = ContractCheck.fromSystemProperty();
        PreviewServer.Builder builder =
                PreviewServer.builder()
                        .flows(flows)
                        .port(0)
                        .speed(TEST_SPEED)
                        .exchangeListener(
                                exchange -> {
                                    exchanges.add(exchange);
                                    if (contract != null) {
                                        violations.addAll(contract.check(exchange));
                                    }
                                });
        server = options.apply(builder).start();
        api = new ApiClient(server.url());
    }

    SimulatorHarness(List<Path> flows) {
        this(flows, UnaryOperator.identity());
    }

    List<ApiExchange> exchanges() {
        return exchanges;
    }

    @Override
    public void close() {
        server.close();
        if (!violations.isEmpty()) {
            throw new AssertionError(
                    "Responses that break Kestra's OpenAPI spec:\n"
                            + String.join("\n", violations));
        }
    }
}
