package dev.flowfront.benchmarks.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Times {@code mvn generate-resources} on a generated project that uses the Flowfront plugin: a
 * first build, a build with nothing changed (the plugin's up-to-date check skips the work) and
 * builds after one app file changed. Each time includes Maven's own start-up, so it is an upper
 * bound of what the plugin costs.
 */
public final class MavenIncrementalBenchmark {

    private static final String SKIP_MESSAGE = "Skipping Flowfront generate";

    private final Path project;
    private final Path work;
    private final String pluginVersion;

    /**
     * @param project a synthetic project folder ({@code apps}, {@code flows}, {@code
     *     namespace-files})
     * @param work a scratch folder; the Maven project is written to {@code work/maven-project}
     * @param pluginVersion the version of the plugin installed in the local repository
     */
    public MavenIncrementalBenchmark(Path project, Path work, String pluginVersion) {
        this.project = project;
        this.work = work;
        this.pluginVersion = pluginVersion;
    }

    /** Runs the builds and returns the results file content. */
    public Map<String, Object> run(int changedRuns) throws IOException, InterruptedException {
        Path maven = work.resolve("maven-project");
        WholeProcessBenchmark.deleteTree(maven);
        copyTree(project.resolve("apps"), maven.resolve("src/main/apps"));
        copyTree(project.resolve("flows"), maven.resolve("src/main/flows"));
        copyTree(project.resolve("namespace-files"), maven.resolve("src/main/namespace-files"));
        Files.writeString(maven.resolve("pom.xml"), pom(), StandardCharsets.UTF_8);
        Path changed;
        try (Stream<Path> apps = Files.walk(maven.resolve("src/main/apps"))) {
            changed =
                    apps.filter(path -> path.toString().endsWith(".yaml"))
                            .sorted()
                            .findFirst()
                            .orElseThrow();
        }

        Map<String, Object> result = new LinkedHashMap<>();
        result.put("mavenVersion", Tools.firstLine(List.of("mvn", "-v")));
        result.put("apps", countApps(maven));
        result.put("firstBuildMillis", Stats.round(build(maven, "first", false)));
        List<Double> unchanged = new ArrayList<>();
        List<Double> oneChanged = new ArrayList<>();
        for (int i = 1; i <= changedRuns; i++) {
            unchanged.add(build(maven, "unchanged-" + i, true));
            // A comment changes the file's bytes, and so the fingerprint, but not the page.
            Files.writeString(
                    changed,
                    "# changed " + i + "\n",
                    StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.APPEND);
            oneChanged.add(build(maven, "one-changed-" + i, false));
        }
        result.put("unchangedMillis", Stats.summary(unchanged));
        result.put("oneChangedMillis", Stats.summary(oneChanged));
        result.put("changedFile", maven.relativize(changed).toString());
        return result;
    }

    private double build(Path maven, String name, boolean expectSkip)
            throws IOException, InterruptedException {
        List<String> command =
                List.of("mvn", "-o", "-B", "-Dstyle.color=never", "generate-resources");
        TimedProcess.Run run =
                TimedProcess.run(
                                command,
                                maven,
                                work.resolve("logs").resolve("maven-" + name + ".log"),
                                10)
                        .requireSuccess(command);
        boolean skipped =
                Files.readString(run.log(), StandardCharsets.UTF_8).contains(SKIP_MESSAGE);
        if (skipped != expectSkip) {
            throw new IllegalStateException(
                    "Build '"
                            + name
                            + (expectSkip
                                    ? "' should have skipped the work but did not"
                                    : "' skipped the work but an input changed")
                            + ". See "
                            + run.log());
        }
        return run.millis();
    }

    private static long countApps(Path maven) throws IOException {
        try (Stream<Path> apps = Files.walk(maven.resolve("src/main/apps"))) {
            return apps.filter(path -> path.toString().endsWith(".yaml")).count();
        }
    }

    private String pom() {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>dev.flowfront.benchmarks</groupId>
                  <artifactId>incremental</artifactId>
                  <version>1.0</version>
                  <packaging>pom</packaging>
                  <properties>
                    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
                  </properties>
                  <build>
                    <plugins>
                      <plugin>
                        <groupId>dev.flowfront</groupId>
                        <artifactId>flowfront-maven-plugin</artifactId>
                        <version>%s</version>
                        <executions>
                          <execution>
                            <goals>
                              <goal>generate</goal>
                            </goals>
                          </execution>
                        </executions>
                      </plugin>
                    </plugins>
                  </build>
                </project>
                """
                .formatted(pluginVersion);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path source : walk.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
