package dev.flowfront.generator.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowfront.generator.api.Problem;
import dev.flowfront.generator.api.ProblemCollector;
import dev.flowfront.generator.api.SourceLocation;
import org.junit.jupiter.api.Test;

/** Input that floods the build with warnings still shows the errors that fail the build. */
class ProblemFloodTest {

    @Test
    void errorAfterManyWarningsIsListed() {
        ProblemCollector problems = new ProblemCollector();
        for (int line = 1; line <= ProblemCollector.MAX_PROBLEMS + 20; line++) {
            problems.warning(new SourceLocation("app.yaml", line, 1), "markup removed", "");
        }

        problems.error(new SourceLocation("z.yaml", 3, 4), "unknown block type", "");

        assertThat(problems.sorted()).hasSize(ProblemCollector.MAX_PROBLEMS);
        assertThat(problems.sorted()).filteredOn(Problem::isError).hasSize(1);
        assertThat(problems.droppedCount()).isEqualTo(21);
    }
}
