package dev.flowfront.benchmarks.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatsTest {

    @Test
    void medianOfOddCountIsMiddleValue() {
        assertThat(Stats.median(List.of(9.0, 1.0, 5.0))).isEqualTo(5.0);
    }

    @Test
    void medianOfEvenCountIsMeanOfMiddleValues() {
        assertThat(Stats.median(List.of(4.0, 1.0, 3.0, 2.0))).isEqualTo(2.5);
    }

    @Test
    void percentileInterpolatesBetweenRanks() {
        List<Double> values = List.of(10.0, 20.0, 30.0, 40.0, 50.0);

        assertThat(Stats.percentile(values, 0)).isEqualTo(10.0);
        assertThat(Stats.percentile(values, 90)).isEqualTo(46.0);
        assertThat(Stats.percentile(values, 100)).isEqualTo(50.0);
    }

    @Test
    void percentileOfNothingFails() {
        assertThatThrownBy(() -> Stats.percentile(List.of(), 50))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
