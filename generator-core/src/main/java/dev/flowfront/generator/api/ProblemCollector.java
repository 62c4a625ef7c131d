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
 *
 * <p>A build that checks parts of the site in parallel gives each part a {@link #forPart()}
 * collector and then adds the parts to the build's collector with {@link #addAll} in a fixed order,
 * which keeps the same problems as adding them one by one in that order.
 */
public final class ProblemCollector {

    /** Maximum number of problems kept and reported by one build. */
    public static final int MAX_PROBLEMS = 100;

    private final List<Problem> problems = new ArrayList<>();
    private final boolean part;

    /** Errors a part found after its first {@value #MAX_PROBLEMS} problems, in order. */
    private final List<Problem> lateErrors = new ArrayList<>();

    private int errorCount;
    private int droppedCount;

    /** Problems a part counted without keeping them; only {@link #addAll} reads these. */
    private int uncountedWarnings;

    private int uncountedErrors;

    /** Creates the collector of a build. */
    public ProblemCollector() {
        this(false);
    }

    private ProblemCollector(boolean part) {
        this.part = part;
    }

    /**
     * Creates a collector for one part of a build, such as one app, whose problems are added to the
     * build's collector later with {@link #addAll}. It keeps what the build's collector could keep
     * from it: the first {@value #MAX_PROBLEMS} problems and the first {@value #MAX_PROBLEMS}
     * errors after them. It only counts the rest.
     */
    public static ProblemCollector forPart() {
        return new ProblemCollector(true);
    }

    public void add(Problem problem) {
        if (part) {
            record(problem);
            return;
        }
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

    /**
     * Keeps a part's problem when a build's collector could keep it. Past the first {@value
     * #MAX_PROBLEMS} problems, a warning is only counted. An error can still replace a kept
     * warning, but at most {@value #MAX_PROBLEMS} warnings are ever kept, so errors after that many
     * are only counted too.
     */
    private void record(Problem problem) {
        if (problem.isError()) {
            errorCount++;
        }
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(problem);
        } else if (problem.isError() && lateErrors.size() < MAX_PROBLEMS) {
            lateErrors.add(problem);
        } else if (problem.isError()) {
            uncountedErrors++;
        } else {
            uncountedWarnings++;
        }
    }

    /**
     * Adds the problems of a part, as if each had been added to this collector in the order the
     * part found them.
     *
     * @param partProblems a collector made by {@link #forPart()}
     * @throws IllegalArgumentException when {@code partProblems} is not a part's collector
     */
    public void addAll(ProblemCollector partProblems) {
        if (!partProblems.part) {
            throw new IllegalArgumentException("addAll takes a collector made by forPart()");
        }
        partProblems.problems.forEach(this::add);
        partProblems.lateErrors.forEach(this::add);
        // The part found these after at least MAX_PROBLEMS others, so this collector is full and
        // has no warning left that they could replace: they only count.
        int uncounted = partProblems.uncountedWarnings + partProblems.uncountedErrors;
        if (part) {
            uncountedWarnings += partProblems.uncountedWarnings;
            uncountedErrors += partProblems.uncountedErrors;
            errorCount += partProblems.uncountedErrors;
            return;
        }
        errorCount += partProblems.uncountedErrors;
        droppedCount += uncounted;
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
