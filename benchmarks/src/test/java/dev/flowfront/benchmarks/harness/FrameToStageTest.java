package dev.flowfront.benchmarks.harness;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrameToStageTest {

    private static JsonNode probe(String json) throws Exception {
        return new ObjectMapper().readTree(json);
    }

    @Test
    void measuresFromLastChunkBeforeEachChange() throws Exception {
        JsonNode collected =
                probe(
                        """
                        {"shown": [{"t": 100, "stage": "OPEN"}, {"t": 250, "stage": "RUNNING"},
                                   {"t": 400, "stage": "SUCCESS"}],
                         "chunks": [{"t": 230}, {"t": 240}, {"t": 390}]}
                        """);

        List<Double> delays = BrowserBenchmark.frameToStage(collected, 200);

        assertThat(delays).containsExactly(10.0, 10.0);
    }

    @Test
    void skipsChangesNoChunkPreceded() throws Exception {
        JsonNode collected =
                probe(
                        """
                        {"shown": [{"t": 210, "stage": "CREATED"}, {"t": 300, "stage": "SUCCESS"}],
                         "chunks": [{"t": 280}]}
                        """);

        List<Double> delays = BrowserBenchmark.frameToStage(collected, 200);

        assertThat(delays).containsExactly(20.0);
    }

    @Test
    void ignoresChangesBeforeSubmission() throws Exception {
        JsonNode collected =
                probe(
                        """
                        {"shown": [{"t": 100, "stage": "OPEN"}],
                         "chunks": [{"t": 90}]}
                        """);

        assertThat(BrowserBenchmark.frameToStage(collected, 200)).isEmpty();
    }
}
