package dev.flowfront.benchmarks.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Times the compiler's command line building a whole project, start of the JVM to exit, next to
 * Hugo building the same number of Markdown pages. Runs alternate between the two tools so that a
 * change in machine load hits both alike; each tool gets one warm-up run first, which warms the
 * file system cache, and every run starts from an empty output folder.
 */
public final class WholeProcessBenchmark {

    private final Path cliJar;
    private final Path projects;
    private final Path work;
    private final int runs;

    /**
     * @param cliJar the runnable jar of the command line
     * @param projects the folder {@code generate} wrote, with {@code p<size>} and {@code
     *     hugo<size>} inside
     * @param work a scratch folder for outputs and logs
     * @param runs measured runs per tool and size, after the warm-up
     */
    public WholeProcessBenchmark(Path cliJar, Path projects, Path work, int runs) {
        this.cliJar = cliJar;
        this.projects = projects;
        this.work = work;
        this.runs = runs;
    }

    /** Measures every size and returns the results file content. */
    public Map<String, Object> run(List<Integer> sizes) throws IOException, InterruptedException {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("runsPerTool", runs);
        result.put("warmupRunsPerTool", 1);
        result.put("hugoVersion", Tools.firstLine(List.of("hugo", "version")));
        List<Object> rows = new ArrayList<>();
        for (int size : sizes) {
            rows.add(measure(size));
        }
        result.put("sizes", rows);
        return result;
    }

    private Map<String, Object> measure(int size) throws IOException, InterruptedException {
        Path project = projects.resolve("p" + size);
        Path hugoSource = projects.resolve("hugo" + size);
        Path site = work.resolve("site-" + size);
        Path hugoSite = work.resolve("hugo-site-" + size);
        List<String> cli =
                List.of(
                        "java",
                        "-jar",
                        cliJar.toString(),
                        "--apps",
                        project.resolve("apps").toString(),
                        "--flows",
                        project.resolve("flows").toString(),
                        "--namespace-files",
                        project.resolve("namespace-files").toString(),
                        "--out",
                        site.toString());
        List<String> hugo =
                List.of("hugo", "--quiet", "-s", hugoSource.toString(), "-d", hugoSite.toString());
        List<Double> cliMillis = new ArrayList<>();
        List<Double> hugoMillis = new ArrayList<>();
        for (int i = 0; i <= runs; i++) {
            double cliRun = timeFresh(cli, site, "cli-" + size + "-" + i);
            double hugoRun = timeFresh(hugo, hugoSite, "hugo-" + size + "-" + i);
            if (i > 0) {
                cliMillis.add(cliRun);
                hugoMillis.add(hugoRun);
            }
        }
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("apps", size);
        row.put("appPagesWritten", countPages(site.resolve("apps")));
        row.put("hugoPagesWritten", countPages(hugoSite.resolve("apps")));
        row.put("inputBytesFlowfront", treeBytes(project));
        row.put("inputBytesHugo", treeBytes(hugoSource.resolve("content")));
        row.put("outputBytesFlowfront", treeBytes(site));
        row.put("outputBytesHugo", treeBytes(hugoSite));
        row.put("flowfrontMillis", Stats.summary(cliMillis));
        row.put("hugoMillis", Stats.summary(hugoMillis));
        row.put(
                "ratioFlowfrontToHugo",
                Stats.round(Stats.median(cliMillis) / Stats.median(hugoMillis)));
        return row;
    }

    private double timeFresh(List<String> command, Path output, String logName)
            throws IOException, InterruptedException {
        deleteTree(output);
        Files.deleteIfExists(output.resolveSibling(output.getFileName() + ".fingerprint"));
        return TimedProcess.run(command, work, work.resolve("logs").resolve(logName + ".log"), 10)
                .requireSuccess(command)
                .millis();
    }

    static long countPages(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return 0;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            // The folder's own index (Hugo's section page) is a list, not a page per app.
            return walk.filter(path -> path.getFileName().toString().equals("index.html"))
                    .filter(path -> !path.getParent().equals(root))
                    .count();
        }
    }

    static long treeBytes(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile)
                    .mapToLong(
                            path -> {
                                try {
                                    return Files.size(path);
                                } catch (IOException e) {
                                    throw new UncheckedIOException(e);
                                }
                            })
                    .sum();
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
