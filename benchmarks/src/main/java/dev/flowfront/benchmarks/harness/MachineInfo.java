package dev.flowfront.benchmarks.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The machine a run is measured on, and its load at the time, for the results. */
public final class MachineInfo {

    private MachineInfo() {}

    /** Collects what {@code nproc}, {@code free -h}, {@code java -version} and /proc report. */
    public static Map<String, Object> collect() throws IOException {
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("dateUtc", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        machine.put("nproc", Tools.firstLine(List.of("nproc")));
        machine.put("cpu", cpuModel());
        machine.put(
                "memory",
                Tools.output(List.of("free", "-h")).lines().skip(1).findFirst().orElse(""));
        machine.put("java", Tools.output(List.of("java", "-version")));
        machine.put("kernel", Tools.firstLine(List.of("uname", "-r")));
        machine.put("loadAverage1m5m15m", readFirstLine(Path.of("/proc/loadavg")));
        return machine;
    }

    private static String cpuModel() throws IOException {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (!Files.isReadable(cpuinfo)) {
            return "unknown";
        }
        return Files.readAllLines(cpuinfo).stream()
                .filter(line -> line.startsWith("model name"))
                .map(line -> line.substring(line.indexOf(':') + 1).strip())
                .findFirst()
                .orElse("unknown");
    }

    private static String readFirstLine(Path file) throws IOException {
        return Files.isReadable(file) ? Files.readAllLines(file).get(0) : "unknown";
    }
}
