package dev.flowfront.benchmarks.harness;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Order statistics of a sample of measurements. */
public final class Stats {

    private Stats() {}

    /** The median; the mean of the two middle values for an even count. */
    public static double median(List<Double> values) {
        return percentile(values, 50);
    }

    /**
     * A percentile by linear interpolation between the closest ranks (the method of NumPy's
     * default), for {@code percent} from 0 to 100.
     */
    public static double percentile(List<Double> values, double percent) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("No values to take a percentile of");
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        double rank = percent / 100 * (sorted.length - 1);
        int low = (int) Math.floor(rank);
        int high = (int) Math.ceil(rank);
        return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
    }

    /** Median, min, max, p90 and the raw samples, for a results file. */
    public static Map<String, Object> summary(List<Double> values) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("count", values.size());
        summary.put("median", round(median(values)));
        summary.put("p90", round(percentile(values, 90)));
        summary.put("min", round(percentile(values, 0)));
        summary.put("max", round(percentile(values, 100)));
        summary.put("samples", values.stream().map(Stats::round).toList());
        return summary;
    }

    /** Rounds to three decimals, enough for milliseconds measured with nanoTime. */
    public static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
