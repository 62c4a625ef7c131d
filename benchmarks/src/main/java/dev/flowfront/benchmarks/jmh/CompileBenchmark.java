package dev.flowfront.benchmarks.jmh;

import dev.flowfront.generator.api.AppCompiler;
import dev.flowfront.generator.api.CompileOptions;
import dev.flowfront.generator.api.CompileResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
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
 * A warm compile through the public API, the way the Maven plugin and a long-running preview server
 * call it: load, validate, render and write the whole site, of one app and of 1,000 apps.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
public class CompileBenchmark {

    private Path root;
    private CompileOptions oneApp;
    private CompileOptions thousandApps;
    private AppCompiler compiler;

    @Setup(Level.Trial)
    public void writeProjects() throws IOException {
        root = Files.createTempDirectory("flowfront-jmh-compile");
        oneApp = BenchmarkProjects.write(root, 1);
        thousandApps = BenchmarkProjects.write(root, 1000);
        compiler = new AppCompiler();
        BenchmarkProjects.compileChecked(compiler, oneApp);
        BenchmarkProjects.compileChecked(compiler, thousandApps);
    }

    @TearDown(Level.Trial)
    public void deleteProjects() throws IOException {
        BenchmarkProjects.delete(root);
    }

    @Benchmark
    @Warmup(iterations = 3, time = 2)
    @Measurement(iterations = 5, time = 2)
    public CompileResult compileOneApp() {
        return compiler.compile(oneApp);
    }

    @Benchmark
    @Warmup(iterations = 3, time = 4)
    @Measurement(iterations = 5, time = 4)
    public CompileResult compileThousandApps() {
        return compiler.compile(thousandApps);
    }
}
