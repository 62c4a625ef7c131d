package dev.flowfront.generator.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowfront.generator.site.StaticAssets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Builds on several threads write the same site and report the same problems as on one. */
class ParallelBuildTest {

    @TempDir Path work;

    private static AppCompiler compiler(int threads) {
        return new AppCompiler(
                new StaticAssets(TestSites.class.getClassLoader(), "fixture-runtime/"), threads);
    }

    private static CompileResult compile(ProjectFixture project, int threads) {
        return compiler(threads).compile(project.options().build());
    }

    @Test
    void fourThreadsWriteSameSiteAsOne() throws IOException {
        ProjectFixture project = new ProjectFixture(work).withApps(60);

        CompileResult single = compile(project, 1);
        Map<String, String> singleSite = TestSites.snapshot(project.site);
        CompileResult parallel = compile(project, 4);

        assertThat(single.hasErrors()).isFalse();
        assertThat(single.warningCount()).isEqualTo(12);
        assertThat(TestSites.snapshot(project.site)).isEqualTo(singleSite);
        assertThat(parallel.problems()).isEqualTo(single.problems());
        assertThat(parallel.pages()).isEqualTo(single.pages());
    }

    @Test
    void cappedProblemsMatchAcrossThreads() throws IOException {
        ProjectFixture project = new ProjectFixture(work).withApps(300);
        for (int i = 0; i < 300; i += 3) {
            project.writeApp(i, "unknownKey" + i + ": 1\n");
        }
        // Two errors found late in file order replace kept warnings, the same way on any thread.
        project.writeApp(250, "layout: 5\n");
        Files.delete(project.flowFile(299));

        CompileResult single = compile(project, 1);
        CompileResult parallel = compile(project, 4);

        assertThat(single.hasErrors()).isTrue();
        assertThat(single.droppedCount()).isPositive();
        assertThat(parallel.problems()).isEqualTo(single.problems());
        assertThat(parallel.errorCount()).isEqualTo(single.errorCount());
        assertThat(parallel.droppedCount()).isEqualTo(single.droppedCount());
        assertThat(project.site).doesNotExist();
    }
}
