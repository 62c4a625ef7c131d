package dev.flowfront.benchmarks.jmh;

import dev.flowfront.benchmarks.synthetic.SyntheticProject;
import dev.flowfront.generator.api.AppCompiler;
import dev.flowfront.generator.api.CompileOptions;
import dev.flowfront.generator.api.CompileResult;
import dev.flowfront.generator.api.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Synthetic projects written to a temporary folder for in-JVM benchmarks. */
final class BenchmarkProjects {

    /** The seed every benchmark uses, the same as run.sh's default. */
    static final long SEED = 42;

    private BenchmarkProjects() {}

    /** Writes the first {@code appCount} synthetic apps and returns options that build them. */
    static CompileOptions write(Path root, int appCount) throws IOException {
        Path project = root.resolve("project-" + appCount);
        SyntheticProject.write(project, new SyntheticProject(SEED).apps(appCount));
        return CompileOptions.builder()
                .appsDirectory(project.resolve("apps"))
                .flowsDirectory(project.resolve("flows"))
                .namespaceFilesDirectory(project.resolve("namespace-files"))
                .outputDirectory(root.resolve("site-" + appCount))
                .build();
    }

    /**
     * Compiles once and throws when the project has errors, so that no benchmark times a failure.
     */
    static CompileResult compileChecked(AppCompiler compiler, CompileOptions options) {
        CompileResult result = compiler.compile(options);
        for (Problem problem : result.problems()) {
            if (problem.isError()) {
                throw new IllegalStateException(
                        "Synthetic project does not compile: " + problem.format());
            }
        }
        return result;
    }

    static void delete(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
