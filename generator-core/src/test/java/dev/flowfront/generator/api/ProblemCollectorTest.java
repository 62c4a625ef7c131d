package dev.flowfront.generator.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ProblemCollectorTest {

    private static Problem problem(int number, boolean error) {
        SourceLocation at = new SourceLocation("apps/app" + (number % 7) + ".yaml", number, 1);
        return error
                ? Problem.error(at, "error " + number, "")
                : Problem.warning(at, "warning " + number, "");
    }

    /** Splits the problems into parts of random sizes, some of them far past the cap. */
    private static List<List<Problem>> randomParts(Random random) {
        List<List<Problem>> parts = new ArrayList<>();
        int number = 0;
        int partCount = 1 + random.nextInt(6);
        for (int i = 0; i < partCount; i++) {
            List<Problem> part = new ArrayList<>();
            int size = random.nextInt(4) == 0 ? random.nextInt(400) : random.nextInt(30);
            double errorShare = random.nextDouble();
            for (int j = 0; j < size; j++) {
                part.add(problem(number++, random.nextDouble() < errorShare));
            }
            parts.add(part);
        }
        return parts;
    }

    @Test
    void partsKeepWhatOneByOneKeeps() {
        Random random = new Random(11);
        for (int round = 0; round < 500; round++) {
            List<List<Problem>> parts = randomParts(random);
            ProblemCollector oneByOne = new ProblemCollector();
            ProblemCollector merged = new ProblemCollector();

            for (List<Problem> part : parts) {
                part.forEach(oneByOne::add);
                ProblemCollector partProblems = ProblemCollector.forPart();
                part.forEach(partProblems::add);
                merged.addAll(partProblems);
            }

            assertThat(merged.sorted()).as("round %d", round).isEqualTo(oneByOne.sorted());
            assertThat(merged.errorCount()).as("round %d", round).isEqualTo(oneByOne.errorCount());
            assertThat(merged.droppedCount())
                    .as("round %d", round)
                    .isEqualTo(oneByOne.droppedCount());
        }
    }

    @Test
    void partMergedIntoPartKeepsOrder() {
        Random random = new Random(5);
        for (int round = 0; round < 200; round++) {
            List<List<Problem>> parts = randomParts(random);
            ProblemCollector oneByOne = new ProblemCollector();
            ProblemCollector outer = ProblemCollector.forPart();

            for (List<Problem> part : parts) {
                part.forEach(oneByOne::add);
                ProblemCollector inner = ProblemCollector.forPart();
                part.forEach(inner::add);
                outer.addAll(inner);
            }
            ProblemCollector merged = new ProblemCollector();
            merged.addAll(outer);

            assertThat(merged.sorted()).as("round %d", round).isEqualTo(oneByOne.sorted());
            assertThat(merged.errorCount()).as("round %d", round).isEqualTo(oneByOne.errorCount());
            assertThat(merged.droppedCount())
                    .as("round %d", round)
                    .isEqualTo(oneByOne.droppedCount());
        }
    }

    @Test
    void addAllRejectsBuildCollector() {
        ProblemCollector build = new ProblemCollector();

        assertThatThrownBy(() -> build.addAll(new ProblemCollector()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("forPart");
    }
}
