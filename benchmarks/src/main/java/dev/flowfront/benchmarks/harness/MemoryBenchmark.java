package dev.flowfront.benchmarks.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Measures the peak resident set size of the command line building a large project, with GNU time's
 * {@code -v} report, once with the JVM's default heap limit and once per given limit.
 */
public final class MemoryBenchmark {

    private static final Pattern MAX_RSS =
            Pattern.compile("Maximum resident set size \\(kbytes\\): (\\d+)");
    private static final Pattern EXIT_STATUS = Pattern.compile("Exit status: (\\d+)");

    private static final int TIMEOUT_MINUTES = 4;

    private final Path cliJar;
    private final Path project;
    private final Path work;

    public MemoryBenchmark(Path cliJar, Path project, Path work) {
        this.cliJar = cliJar;
        this.project = project;
        this.work = work;
    }

    /**
     * Builds the project once per heap limit; an empty limit means the JVM default (a quarter of
     * the machine's memory).
     */
    public Map<String, Object> run(List<String> heapLimits)
            throws IOException, InterruptedException {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("project", project.getFileName().toString());
        result.put("apps", countYaml());
        List<Object> rows = new ArrayList<>();
        for (String limit : heapLimits) {
            rows.add(measure(limit));
        }
        result.put("runs", rows);
        return result;
    }

    private long countYaml() throws IOException {
        try (var walk = Files.walk(project.resolve("apps"))) {
            return walk.filter(path -> path.toString().endsWith(".yaml")).count();
        }
    }

    private Map<String, Object> measure(String heapLimit) throws IOException, InterruptedException {
        String label = heapLimit.isEmpty() ? "default" : heapLimit;
        Path site = work.resolve("memory-site-" + label);
        Path report = work.resolve("logs").resolve("memory-" + label + ".time");
        WholeProcessBenchmark.deleteTree(site);
        Files.deleteIfExists(site.resolveSibling(site.getFileName() + ".fingerprint"));
        List<String> command =
                new ArrayList<>(List.of("/usr/bin/time", "-v", "-o", report.toString(), "java"));
        if (!heapLimit.isEmpty()) {
            command.add("-Xmx" + heapLimit);
        }
        command.addAll(
                List.of(
                        "-jar",
                        cliJar.toString(),
                        "--apps",
                        project.resolve("apps").toString(),
                        "--flows",
                        project.resolve("flows").toString(),
                        "--namespace-files",
                        project.resolve("namespace-files").toString(),
                        "--out",
                        site.toString()));
        Files.createDirectories(report.getParent());
        // A heap too small for the project can keep the JVM collecting garbage for a long time
        // before it fails, so a run that takes too long counts as not completed.
        TimedProcess.Run run =
                TimedProcess.run(
                        command,
                        work,
                        work.resolve("logs").resolve("memory-" + label + ".log"),
                        TIMEOUT_MINUTES);
        String timeReport =
                Files.isRegularFile(report) ? Files.readString(report, StandardCharsets.UTF_8) : "";
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("heapLimit", label);
        row.put("exitCode", run.exitCode());
        row.put("completed", run.exitCode() == 0 && Files.isDirectory(site));
        row.put("timedOutAfterMinutes", run.timedOut() ? TIMEOUT_MINUTES : null);
        row.put("appPagesWritten", WholeProcessBenchmark.countPages(site.resolve("apps")));
        row.put("wallMillis", Stats.round(run.millis()));
        row.put("maxRssKilobytes", run.timedOut() ? null : number(MAX_RSS, timeReport));
        row.put("timeExitStatus", run.timedOut() ? null : number(EXIT_STATUS, timeReport));
        row.put("log", run.log().getFileName().toString());
        return row;
    }

    private static long number(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        if (!matcher.find()) {
            throw new IllegalStateException("GNU time report lacks '" + pattern + "':\n" + text);
        }
        return Long.parseLong(matcher.group(1));
    }
}
