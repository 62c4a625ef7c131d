package dev.flowfront.generator.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A bounded list of problems, shared by the loaders and validators of one build.
 *
 * <p>It keeps the first {@value #MAX_PROBLEMS} problems and counts the rest, so that a file with
 * thousands of mistakes cannot flood a build log. Errors are counted even past the cap, so a build
 * never passes because its errors were dropped, and an error past the cap replaces the last kept
 * warning, so a failed build always lists errors. Not thread-safe.
 */
public final class ProblemCollector {

    /** Maximum number of problems kept and reported by one build. */
    public static final int MAX_PROBLEMS = 100;

    private final List<Problem> problems = new ArrayList<>();
    private int errorCount;
    private int droppedCount;

    public void add(Problem problem) {
        if (problem.isError()) {
            errorCount++;
        }
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(problem);
            return;
        }
        droppedCount++;
        if (problem.isError()) {
            // A failed build must list at least the errors it keeps, so a kept warning gives way.
            for (int i = problems.size() - 1; i >= 0; i--) {
                if (!problems.get(i).isError()) {
                    problems.set(i, problem);
                    return;
                }
            }
        }
    }

    public void error(SourceLocation location, String message, String hint) {
        add(Problem.error(location, message, hint));
    }

    public void warning(SourceLocation location, String message, String hint) {
        add(Problem.warning(location, message, hint));
    }

    public boolean hasErrors() {
        return errorCount > 0;
    }

    public int errorCount() {
        return errorCount;
    }

    /** Number of problems found after the cap was reached, and so not kept. */
    public int droppedCount() {
        return droppedCount;
    }

    /** Returns the kept problems sorted by file, line and column. */
    public List<Problem> sorted() {
        List<Problem> copy = new ArrayList<>(problems);
        Collections.sort(copy);
        return List.copyOf(copy);
    }
}
