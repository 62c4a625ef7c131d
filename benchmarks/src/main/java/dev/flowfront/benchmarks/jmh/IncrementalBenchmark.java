package dev.flowfront.benchmarks.jmh;

import dev.flowfront.generator.api.AppCompiler;
import dev.flowfront.generator.api.BuildFingerprint;
import dev.flowfront.generator.api.CompileOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
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
 * A rebuild in a warm JVM after one app of 1,000 changed, done the way the Maven plugin does it:
 * fingerprint the inputs, find the output out of date, compile, record the fingerprint. Also the
 * cost of the check alone when nothing changed.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
public class IncrementalBenchmark {

    private Path root;
    private CompileOptions options;
    private AppCompiler compiler;
    private Path changedApp;
    private long changes;

    @Setup(Level.Trial)
    public void buildOnce() throws IOException {
        root = Files.createTempDirectory("flowfront-jmh-incremental");
        options = BenchmarkProjects.write(root, 1000);
        compiler = new AppCompiler();
        BenchmarkProjects.compileChecked(compiler, options);
        BuildFingerprint.store(options, BuildFingerprint.compute(options));
        try (Stream<Path> apps = Files.walk(options.appsDirectories().get(0))) {
            changedApp =
                    apps.filter(path -> path.toString().endsWith(".yaml"))
                            .sorted()
                            .findFirst()
                            .orElseThrow();
        }
    }

    @TearDown(Level.Trial)
    public void deleteProject() throws IOException {
        BenchmarkProjects.delete(root);
    }

    @Benchmark
    public String rebuildAfterOneChange() throws IOException {
        // A comment changes the bytes, and so the fingerprint, without changing the page.
        Files.writeString(
                changedApp,
                "# change " + ++changes + "\n",
                StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
        String fingerprint = BuildFingerprint.compute(options);
        if (BuildFingerprint.isUpToDate(options, fingerprint)) {
            throw new IllegalStateException("A changed app left the build up to date");
        }
        BuildFingerprint.clear(options);
        compiler.compile(options);
        BuildFingerprint.store(options, fingerprint);
        return fingerprint;
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
}
