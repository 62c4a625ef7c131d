package dev.flowfront.benchmarks;

import dev.flowfront.benchmarks.harness.BrowserBenchmark;
import dev.flowfront.benchmarks.harness.MachineInfo;
import dev.flowfront.benchmarks.harness.MavenIncrementalBenchmark;
import dev.flowfront.benchmarks.harness.MemoryBenchmark;
import dev.flowfront.benchmarks.harness.PageWeightBenchmark;
import dev.flowfront.benchmarks.harness.ReportWriter;
import dev.flowfront.benchmarks.harness.Results;
import dev.flowfront.benchmarks.harness.WholeProcessBenchmark;
import dev.flowfront.benchmarks.synthetic.HugoSite;
import dev.flowfront.benchmarks.synthetic.SyntheticApp;
import dev.flowfront.benchmarks.synthetic.SyntheticProject;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Command line of the benchmark harness; {@code run.sh} calls one command per step. Each command
 * writes {@code <results>/<name>.json}.
 *
 * <pre>
 * generate          --out DIR --sizes 100,1000 [--seed N]
 * whole-process     --cli JAR --projects DIR --work DIR --results DIR --sizes 100,1000 [--runs N]
 * memory            --cli JAR --project DIR --work DIR --results DIR --heaps ,256m
 * maven-incremental --project DIR --work DIR --results DIR --plugin-version V [--runs N]
 * page-weight       --site DIR --results DIR --name NAME [--list-pages]
 * browser           --preview JAR --site DIR --flows DIR --apps N [--seed N] --work DIR --results DIR
 *                   [--rounds N]
 * machine           --results DIR [--name NAME]
 * report            --results DIR
 * </pre>
 */
public final class Main {

    private Main() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            throw new IllegalArgumentException(
                    "Missing command. Use generate, whole-process, memory, maven-incremental,"
                            + " page-weight, browser, machine or report.");
        }
        Map<String, String> options = options(Arrays.copyOfRange(args, 1, args.length));
        switch (args[0]) {
            case "generate" -> generate(options);
            case "whole-process" -> {
                var benchmark =
                        new WholeProcessBenchmark(
                                path(options, "cli"),
                                path(options, "projects"),
                                path(options, "work"),
                                Integer.parseInt(options.getOrDefault("runs", "5")));
                Results.write(
                        path(options, "results"), "whole-process", benchmark.run(sizes(options)));
            }
            case "memory" -> {
                var benchmark =
                        new MemoryBenchmark(
                                path(options, "cli"),
                                path(options, "project"),
                                path(options, "work"));
                List<String> heaps = Arrays.asList(required(options, "heaps").split(",", -1));
                Results.write(path(options, "results"), "memory", benchmark.run(heaps));
            }
            case "maven-incremental" -> {
                var benchmark =
                        new MavenIncrementalBenchmark(
                                path(options, "project"),
                                path(options, "work"),
                                required(options, "plugin-version"));
                int runs = Integer.parseInt(options.getOrDefault("runs", "3"));
                Results.write(path(options, "results"), "maven-incremental", benchmark.run(runs));
            }
            case "page-weight" -> {
                var benchmark = new PageWeightBenchmark(path(options, "site"));
                Results.write(
                        path(options, "results"),
                        "page-weight-" + required(options, "name"),
                        benchmark.run(options.containsKey("list-pages")));
            }
            case "browser" -> {
                long seed = Long.parseLong(options.getOrDefault("seed", "42"));
                int appCount = Integer.parseInt(required(options, "apps"));
                var benchmark =
                        new BrowserBenchmark(
                                path(options, "preview"),
                                path(options, "site"),
                                path(options, "flows"),
                                new SyntheticProject(seed).apps(appCount),
                                path(options, "work"),
                                Integer.parseInt(options.getOrDefault("rounds", "2")));
                Results.write(path(options, "results"), "browser", benchmark.run());
            }
            case "machine" ->
                    Results.write(
                            path(options, "results"),
                            options.getOrDefault("name", "machine"),
                            MachineInfo.collect());
            case "report" -> new ReportWriter(path(options, "results")).write();
            default -> throw new IllegalArgumentException("Unknown command " + args[0]);
        }
    }

    private static void generate(Map<String, String> options) throws Exception {
        Path out = path(options, "out");
        long seed = Long.parseLong(options.getOrDefault("seed", "42"));
        SyntheticProject generator = new SyntheticProject(seed);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("seed", seed);
        for (int size : sizes(options)) {
            List<SyntheticApp> apps = generator.apps(size);
            SyntheticProject.write(out.resolve("p" + size), apps);
            HugoSite.write(out.resolve("hugo" + size), apps);
            result.put("p" + size, describe(apps));
        }
        Results.write(path(options, "results"), "projects", result);
    }

    /** Counts what a project covers, to show that every stage and input type occurs. */
    private static Map<String, Object> describe(List<SyntheticApp> apps) {
        Map<String, Integer> stages = new TreeMap<>();
        Map<String, Integer> inputTypes = new TreeMap<>();
        TreeSet<Integer> inputCounts = new TreeSet<>();
        long markdownBytes = 0;
        long yamlBytes = 0;
        int minMarkdown = Integer.MAX_VALUE;
        int maxMarkdown = 0;
        for (SyntheticApp app : apps) {
            app.stages().forEach(stage -> stages.merge(stage, 1, Integer::sum));
            app.inputs().forEach(input -> inputTypes.merge(input.type(), 1, Integer::sum));
            inputCounts.add(app.inputs().size());
            markdownBytes += app.markdownBytes();
            minMarkdown = Math.min(minMarkdown, app.markdownBytes());
            maxMarkdown = Math.max(maxMarkdown, app.markdownBytes());
            yamlBytes += app.appYaml().length() + app.flowYaml().length();
        }
        Map<String, Object> description = new LinkedHashMap<>();
        description.put("apps", apps.size());
        description.put("appsPerStage", stages);
        description.put("inputsPerType", inputTypes);
        description.put("minInputsPerForm", inputCounts.first());
        description.put("maxInputsPerForm", inputCounts.last());
        description.put("meanMarkdownBytesPerApp", markdownBytes / apps.size());
        description.put("minMarkdownBytesPerApp", minMarkdown);
        description.put("maxMarkdownBytesPerApp", maxMarkdown);
        description.put("meanYamlBytesPerApp", yamlBytes / apps.size());
        description.put(
                "selfContainedApps", apps.stream().filter(SyntheticApp::selfContained).count());
        return description;
    }

    private static List<Integer> sizes(Map<String, String> options) {
        return Arrays.stream(required(options, "sizes").split(","))
                .map(String::strip)
                .map(Integer::parseInt)
                .toList();
    }

    private static Path path(Map<String, String> options, String name) {
        return Path.of(required(options, name)).toAbsolutePath().normalize();
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("Missing option --" + name);
        }
        return value;
    }

    /** Parses {@code --name value} pairs; a flag followed by another option gets an empty value. */
    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException(
                        "Expected an option such as --out, got " + args[i]);
            }
            String name = args[i].substring(2);
            boolean hasValue = i + 1 < args.length && !args[i + 1].startsWith("--");
            options.put(name, hasValue ? args[++i] : "");
        }
        return options;
    }
}
