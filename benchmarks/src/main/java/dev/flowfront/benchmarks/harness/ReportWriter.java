package dev.flowfront.benchmarks.harness;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns the JSON files of one run into {@code results.md}: the machine, one table per benchmark and
 * each goal marked met, missed or not measured.
 */
public final class ReportWriter {

    private static final double GOAL_WARM_COMPILE_MS_PER_APP = 0.2;
    private static final double GOAL_INCREMENTAL_MS = 100;
    private static final double GOAL_TTI_MS = 50;

    private final Path results;
    private final StringBuilder md = new StringBuilder();
    private final List<String> goals = new ArrayList<>();

    public ReportWriter(Path results) {
        this.results = results;
    }

    /** Writes {@code results.md} next to the JSON files. */
    public Path write() throws IOException {
        md.append("# Benchmark results\n\n");
        machine();
        projects();
        wholeProcess();
        jmh();
        maven();
        memory();
        browser();
        pageWeight("samples", "Sample apps");
        pageWeight("synthetic", "Synthetic apps (100)");
        md.append("## Goals\n\n| goal | result |\n|---|---|\n");
        goals.forEach(goal -> md.append(goal).append('\n'));
        Path file = results.resolve("results.md");
        Files.writeString(file, md.toString(), StandardCharsets.UTF_8);
        return file;
    }

    private void machine() throws IOException {
        JsonNode machine = Results.read(results, "machine");
        if (machine == null) {
            return;
        }
        md.append("## Machine (at the start of the run)\n\n");
        machine.fields()
                .forEachRemaining(
                        field ->
                                md.append("- ")
                                        .append(field.getKey())
                                        .append(": `")
                                        .append(
                                                field.getValue()
                                                        .asText()
                                                        .strip()
                                                        .replace("\n", " / "))
                                        .append("`\n"));
        JsonNode end = Results.read(results, "machine-end");
        if (end != null) {
            Duration took =
                    Duration.between(
                            Instant.parse(machine.get("dateUtc").asText()),
                            Instant.parse(end.get("dateUtc").asText()));
            md.append("- at the end, ")
                    .append(end.get("dateUtc").asText())
                    .append(": load average `")
                    .append(end.get("loadAverage1m5m15m").asText())
                    .append("`; the steps took ")
                    .append(took.toMinutes())
                    .append(" min ")
                    .append(took.toSecondsPart())
                    .append(" s after the Maven build\n");
        }
        md.append('\n');
        Path failed = results.resolve("failed-steps.txt");
        if (Files.isRegularFile(failed)) {
            md.append("Steps that failed or did not run:\n\n");
            Files.readAllLines(failed).forEach(line -> md.append("- ").append(line).append('\n'));
            md.append('\n');
        }
    }

    private void projects() throws IOException {
        JsonNode projects = Results.read(results, "projects");
        if (projects == null) {
            return;
        }
        md.append("## Synthetic projects (seed ")
                .append(projects.get("seed").asText())
                .append(")\n\n");
        md.append(
                "| project | apps | inputs per form | Markdown bytes per app (min / mean / max) |"
                        + " YAML bytes per app (mean) |\n|---|---:|---|---|---:|\n");
        projects.fields()
                .forEachRemaining(
                        field -> {
                            if (!field.getKey().startsWith("p")) {
                                return;
                            }
                            JsonNode p = field.getValue();
                            md.append(
                                    String.format(
                                            Locale.ROOT,
                                            "| %s | %d | %d to %d | %d / %d / %d | %d |%n",
                                            field.getKey(),
                                            p.get("apps").asInt(),
                                            p.get("minInputsPerForm").asInt(),
                                            p.get("maxInputsPerForm").asInt(),
                                            p.get("minMarkdownBytesPerApp").asInt(),
                                            p.get("meanMarkdownBytesPerApp").asInt(),
                                            p.get("maxMarkdownBytesPerApp").asInt(),
                                            p.get("meanYamlBytesPerApp").asInt()));
                        });
        md.append('\n');
    }

    private void wholeProcess() throws IOException {
        JsonNode whole = Results.read(results, "whole-process");
        if (whole == null) {
            goals.add("| 10,000 apps build no slower than Hugo on 10,000 pages | not measured |");
            return;
        }
        md.append("## Whole-process build (median of ")
                .append(whole.get("runsPerTool").asInt())
                .append(" runs after a warm-up)\n\n")
                .append("Hugo: `")
                .append(whole.get("hugoVersion").asText())
                .append("`\n\n")
                .append(
                        "| apps | Flowfront CLI ms | Hugo ms | Flowfront / Hugo | app pages | Hugo pages |\n")
                .append("|---:|---:|---:|---:|---:|---:|\n");
        String goal = "| 10,000 apps build no slower than Hugo on 10,000 pages | not measured |";
        for (JsonNode row : whole.get("sizes")) {
            double ratio = row.get("ratioFlowfrontToHugo").asDouble();
            md.append(
                    String.format(
                            Locale.ROOT,
                            "| %d | %.0f | %.0f | %.2f | %d | %d |%n",
                            row.get("apps").asInt(),
                            row.at("/flowfrontMillis/median").asDouble(),
                            row.at("/hugoMillis/median").asDouble(),
                            ratio,
                            row.get("appPagesWritten").asLong(),
                            row.get("hugoPagesWritten").asLong()));
            if (row.get("apps").asInt() == 10_000) {
                goal =
                        String.format(
                                Locale.ROOT,
                                "| 10,000 apps build no slower than Hugo on 10,000 pages | %s: %.0f ms vs %.0f ms (%.2fx) |",
                                ratio <= 1 ? "met" : "MISSED",
                                row.at("/flowfrontMillis/median").asDouble(),
                                row.at("/hugoMillis/median").asDouble(),
                                ratio);
            }
        }
        goals.add(goal);
        md.append('\n');
    }

    private void jmh() throws IOException {
        JsonNode jmh = Results.read(results, "jmh");
        if (jmh == null) {
            goals.add("| warm compile ≤ 0.2 ms per app (p50) | not measured |");
            goals.add("| incremental rebuild of 1 app among 1,000 ≤ 100 ms warm | not measured |");
            return;
        }
        md.append("## JMH (sample time, one fork)\n\n")
                .append("| benchmark | p50 ms | p90 ms | p99 ms | samples | p50 ms per app |\n")
                .append("|---|---:|---:|---:|---:|---:|\n");
        String compileGoal = "| warm compile ≤ 0.2 ms per app (p50) | not measured |";
        String incrementalGoal =
                "| incremental rebuild of 1 app among 1,000 ≤ 100 ms warm | not measured |";
        for (JsonNode bench : jmh) {
            String name =
                    bench.get("benchmark").asText().replaceFirst("^.*\\.(\\w+\\.\\w+)$", "$1");
            JsonNode metric = bench.get("primaryMetric");
            double toMs = unitToMillis(metric.get("scoreUnit").asText());
            double p50 = metric.at("/scorePercentiles/50.0").asDouble() * toMs;
            double p90 = metric.at("/scorePercentiles/90.0").asDouble() * toMs;
            double p99 = metric.at("/scorePercentiles/99.0").asDouble() * toMs;
            long samples = countSamples(metric);
            int apps = name.contains("Thousand") ? 1000 : 1;
            double perApp = p50 / apps;
            md.append(
                    String.format(
                            Locale.ROOT,
                            "| %s | %.3f | %.3f | %.3f | %d | %.4f |%n",
                            name,
                            p50,
                            p90,
                            p99,
                            samples,
                            perApp));
            if (name.equals("CompileBenchmark.compileThousandApps")) {
                compileGoal =
                        String.format(
                                Locale.ROOT,
                                "| warm compile ≤ 0.2 ms per app (p50) | %s: %.4f ms per app (1,000 apps in %.1f ms) |",
                                perApp <= GOAL_WARM_COMPILE_MS_PER_APP ? "met" : "MISSED",
                                perApp,
                                p50);
            }
            if (name.equals("IncrementalBenchmark.rebuildAfterOneChange")) {
                incrementalGoal =
                        String.format(
                                Locale.ROOT,
                                "| incremental rebuild of 1 app among 1,000 ≤ 100 ms warm | %s: %.1f ms (p50) |",
                                p50 <= GOAL_INCREMENTAL_MS ? "met" : "MISSED",
                                p50);
            }
        }
        goals.add(compileGoal);
        goals.add(incrementalGoal);
        md.append('\n');
    }

    private static long countSamples(JsonNode metric) {
        long count = 0;
        for (JsonNode fork : metric.path("rawDataHistogram")) {
            for (JsonNode iteration : fork) {
                for (JsonNode bucket : iteration) {
                    count += bucket.get(1).asLong();
                }
            }
        }
        return count;
    }

    private static double unitToMillis(String unit) {
        return switch (unit.substring(0, unit.indexOf('/'))) {
            case "ns" -> 1e-6;
            case "us" -> 1e-3;
            case "ms" -> 1;
            case "s" -> 1e3;
            default -> throw new IllegalArgumentException("Unknown JMH unit " + unit);
        };
    }

    private void maven() throws IOException {
        JsonNode maven = Results.read(results, "maven-incremental");
        if (maven == null) {
            return;
        }
        md.append("## Maven plugin, ")
                .append(maven.get("apps").asInt())
                .append(" apps (whole `mvn generate-resources`, Maven start-up included)\n\n")
                .append("| build | median ms | min ms | max ms |\n|---|---:|---:|---:|\n")
                .append(
                        String.format(
                                Locale.ROOT,
                                "| first (full) | %.0f | | |%n",
                                maven.get("firstBuildMillis").asDouble()));
        row("nothing changed (skipped)", maven.get("unchangedMillis"));
        row("one app changed (rebuilt)", maven.get("oneChangedMillis"));
        md.append('\n');
    }

    private void row(String label, JsonNode summary) {
        md.append(
                String.format(
                        Locale.ROOT,
                        "| %s | %.0f | %.0f | %.0f |%n",
                        label,
                        summary.get("median").asDouble(),
                        summary.get("min").asDouble(),
                        summary.get("max").asDouble()));
    }

    private void memory() throws IOException {
        JsonNode memory = Results.read(results, "memory");
        if (memory == null) {
            goals.add("| 10,000 apps build with -Xmx256m | not measured |");
            return;
        }
        md.append("## Peak memory, ")
                .append(memory.get("apps").asInt())
                .append(" apps (GNU time, maximum resident set size)\n\n")
                .append(
                        "| heap limit | completed | exit code | max RSS MiB | wall ms | app pages |\n")
                .append("|---|---|---:|---:|---:|---:|\n");
        String goal = "| 10,000 apps build with -Xmx256m | not measured |";
        for (JsonNode run : memory.get("runs")) {
            boolean completed = run.get("completed").asBoolean();
            boolean timedOut = run.path("timedOutAfterMinutes").isNumber();
            md.append(
                    String.format(
                            Locale.ROOT,
                            "| %s | %s | %d | %.0f | %.0f | %d |%n",
                            run.get("heapLimit").asText(),
                            completed ? "yes" : timedOut ? "no, timed out" : "no",
                            run.get("exitCode").asInt(),
                            run.path("maxRssKilobytes").asDouble() / 1024,
                            run.get("wallMillis").asDouble(),
                            run.get("appPagesWritten").asLong()));
            if (run.get("heapLimit").asText().equals("256m")
                    && memory.get("apps").asInt() == 10_000) {
                goal =
                        String.format(
                                Locale.ROOT,
                                "| 10,000 apps build with -Xmx256m | %s (max RSS %.0f MiB) |",
                                completed ? "met" : "MISSED",
                                run.get("maxRssKilobytes").asDouble() / 1024);
            }
        }
        goals.add(goal);
        md.append('\n');
    }

    private void browser() throws IOException {
        JsonNode browser = Results.read(results, "browser");
        if (browser == null) {
            goals.add("| time to interactive ≤ 50 ms on localhost | not measured |");
            return;
        }
        md.append(
                        "## Browser (headless Chromium on localhost, a fresh browser context per measurement)\n\n")
                .append("`")
                .append(browser.get("chromium").asText())
                .append("`, ")
                .append(browser.get("apps").size())
                .append(" apps × ")
                .append(browser.get("rounds").asInt())
                .append(" rounds\n\n")
                .append("| figure | median ms | p90 ms | min ms | max ms | samples |\n")
                .append("|---|---:|---:|---:|---:|---:|\n");
        browserRow(
                browser,
                "OPEN page: time to interactive (OPEN shown)",
                "openTimeToInteractiveMillis");
        browserRow(
                browser,
                "OPEN page: first byte of the HTML (responseStart)",
                "openResponseStartMillis");
        browserRow(browser, "OPEN page: DOMContentLoaded end", "openDomContentLoadedMillis");
        browserRow(
                browser,
                "OPEN page, second visit (assets cached): time to interactive",
                "cachedOpenTimeToInteractiveMillis");
        browserRow(
                browser,
                "finished execution: time to interactive",
                "finishedExecutionTimeToInteractiveMillis");
        browserRow(browser, "stream frame to stage shown", "streamFrameToStageMillis");
        md.append('\n');
        JsonNode stageSource = browser.get("stageSource");
        if (stageSource != null && stageSource.asText().equals("mark")) {
            md.append(
                    "A stage counts as shown at the runtime's `flowfront:stage:<STAGE>` performance"
                            + " mark.\n\n");
        } else {
            md.append(
                    "The runtime set no stage mark; time to interactive is when the probe saw"
                            + " the stage section become visible.\n\n");
        }
        if (!browser.get("failures").isEmpty()) {
            md.append("Failures:\n\n");
            browser.get("failures")
                    .forEach(failure -> md.append("- ").append(failure.asText()).append('\n'));
            md.append('\n');
        }
        JsonNode open = browser.get("openTimeToInteractiveMillis");
        JsonNode finished = browser.get("finishedExecutionTimeToInteractiveMillis");
        if (open == null || open.isNull()) {
            goals.add(
                    "| time to interactive ≤ 50 ms on localhost | not measured (every page failed) |");
            return;
        }
        double openMs = open.get("median").asDouble();
        double finishedMs =
                finished == null || finished.isNull()
                        ? Double.NaN
                        : finished.get("median").asDouble();
        goals.add(
                String.format(
                        Locale.ROOT,
                        "| time to interactive ≤ 50 ms on localhost | OPEN %s: %.1f ms; finished execution %s: %.1f ms (medians) |",
                        openMs <= GOAL_TTI_MS ? "met" : "MISSED",
                        openMs,
                        finishedMs <= GOAL_TTI_MS ? "met" : "MISSED",
                        finishedMs));
    }

    private void browserRow(JsonNode browser, String label, String key) {
        JsonNode summary = browser.get(key);
        if (summary == null || summary.isNull()) {
            md.append("| ").append(label).append(" | not measured | | | | |\n");
            return;
        }
        md.append(
                String.format(
                        Locale.ROOT,
                        "| %s | %.1f | %.1f | %.1f | %.1f | %d |%n",
                        label,
                        summary.get("median").asDouble(),
                        summary.get("p90").asDouble(),
                        summary.get("min").asDouble(),
                        summary.get("max").asDouble(),
                        summary.get("count").asInt()));
    }

    private void pageWeight(String name, String title) throws IOException {
        JsonNode weight = Results.read(results, "page-weight-" + name);
        if (weight == null) {
            return;
        }
        md.append("## Page weight: ")
                .append(title)
                .append(" (bytes; gzip level 6, Brotli quality 11)\n\n");
        md.append("| asset | raw | gzip | brotli |\n|---|---:|---:|---:|\n");
        for (JsonNode asset : weight.get("assets")) {
            md.append(
                    String.format(
                            Locale.ROOT,
                            "| %s | %d | %d | %d |%n",
                            asset.get("asset").asText(),
                            asset.get("raw").asLong(),
                            asset.get("gzip").asLong(),
                            asset.get("brotli").asLong()));
        }
        md.append('\n');
        if (weight.has("pages")) {
            md.append(
                    "| page | HTML raw | HTML gzip | HTML brotli | OPEN critical gzip | OPEN critical brotli"
                            + " | whole gzip | whole brotli |\n|---|---:|---:|---:|---:|---:|---:|---:|\n");
            for (JsonNode page : weight.get("pages")) {
                md.append(
                        String.format(
                                Locale.ROOT,
                                "| %s | %d | %d | %d | %d | %d | %d | %d |%n",
                                page.get("page").asText(),
                                page.at("/html/raw").asLong(),
                                page.at("/html/gzip").asLong(),
                                page.at("/html/brotli").asLong(),
                                page.at("/openCritical/gzip").asLong(),
                                page.at("/openCritical/brotli").asLong(),
                                page.at("/whole/gzip").asLong(),
                                page.at("/whole/brotli").asLong()));
            }
            md.append('\n');
        }
        if (weight.get("pageCount").asInt() > 0) {
            md.append("| over ")
                    .append(weight.get("pageCount").asInt())
                    .append(" pages | median | max |\n|---|---:|---:|\n");
            for (String key :
                    List.of(
                            "htmlGzipBytes",
                            "openCriticalGzipBytes",
                            "openCriticalBrotliBytes",
                            "wholeGzipBytes",
                            "wholeBrotliBytes")) {
                md.append(
                        String.format(
                                Locale.ROOT,
                                "| %s | %.0f | %.0f |%n",
                                key,
                                weight.at("/" + key + "/median").asDouble(),
                                weight.at("/" + key + "/max").asDouble()));
            }
            md.append('\n');
        }
    }
}
