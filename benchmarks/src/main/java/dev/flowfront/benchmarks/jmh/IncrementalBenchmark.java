package dev.flowfront.benchmarks.jmh;

import dev.flowfront.generator.api.BuildFingerprint;
import dev.flowfront.generator.api.CompileOptions;
import dev.flowfront.generator.api.CompileResult;
import dev.flowfront.generator.api.IncrementalCompiler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A rebuild in a warm JVM after one app of 1,000 changed, done the way the {@code serve} goal does
 * it: the same {@link IncrementalCompiler} compiles again and renders only that app, then the
 * catalog. Each change gives the app a new display name, so its page, the catalog and {@code
 * apps.json} are written every time. Also the cost of the Maven plugin's up-to-date check alone
 * when nothing changed.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
public class IncrementalBenchmark {

    private static final Pattern DISPLAY_NAME = Pattern.compile("(?m)^displayName: .*$");

    private Path root;
    private CompileOptions options;
    private IncrementalCompiler compiler;
    private Path changedApp;
    private String changedAppYaml;
    private long changes;

    @Setup(Level.Trial)
    public void buildOnce() throws IOException {
        root = Files.createTempDirectory("flowfront-jmh-incremental");
        options = BenchmarkProjects.write(root, 1000);
        compiler = new IncrementalCompiler();
        checked(compiler.compile(options));
        BuildFingerprint.store(options, BuildFingerprint.compute(options));
        try (Stream<Path> apps = Files.walk(options.appsDirectories().get(0))) {
            changedApp =
                    apps.filter(path -> path.toString().endsWith(".yaml"))
                            .sorted()
                            .findFirst()
                            .orElseThrow();
        }
        changedAppYaml = Files.readString(changedApp, StandardCharsets.UTF_8);
        if (!DISPLAY_NAME.matcher(changedAppYaml).find()) {
            throw new IllegalStateException(changedApp + " has no displayName to change");
        }
    }

    @TearDown(Level.Trial)
    public void deleteProject() throws IOException {
        BenchmarkProjects.delete(root);
    }

    @Benchmark
    public CompileResult rebuildAfterOneChange() throws IOException {
        String yaml =
                DISPLAY_NAME
                        .matcher(changedAppYaml)
                        .replaceFirst("displayName: \"Change " + ++changes + "\"");
        Files.writeString(changedApp, yaml, StandardCharsets.UTF_8);
        return checked(compiler.compile(options));
    }

    @Benchmark
    public boolean upToDateCheckUnchanged() {
        String fingerprint = BuildFingerprint.compute(options);
        boolean upToDate = BuildFingerprint.isUpToDate(options, fingerprint);
        if (!upToDate) {
            BuildFingerprint.store(options, fingerprint);
        }
        return upToDate;
    }

    private static CompileResult checked(CompileResult result) {
        if (result.hasErrors() || !result.written()) {
            throw new IllegalStateException(
                    "The synthetic project did not build: " + result.problems());
        }
        return result;
    }
}
