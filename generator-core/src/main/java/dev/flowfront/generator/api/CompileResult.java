package dev.flowfront.generator.api;

import java.time.Duration;
import java.util.List;

/**
 * The outcome of one build.
 *
 * @param problems the kept problems, sorted by file, line and column
 * @param droppedCount problems found past {@link ProblemCollector#MAX_PROBLEMS} and not kept
 * @param errorCount every ERROR found, including dropped ones
 * @param pages the app pages rendered, sorted by URL; written only when {@code written}
 * @param written whether the output folder was replaced
 * @param duration how long the build took
 */
public record CompileResult(
        List<Problem> problems,
        int droppedCount,
        int errorCount,
        List<PageInfo> pages,
        boolean written,
        Duration duration) {

    public CompileResult {
        problems = List.copyOf(problems);
        pages = List.copyOf(pages);
    }

    /**
     * An app page of the site.
     *
     * @param url the page's folder relative to the site root, such as {@code
     *     apps/company.team/hello/}
     */
    public record PageInfo(String appId, String namespace, String url) {}

    /** Creates the result of a build from its problems, started at {@code startNanos}. */
    static CompileResult of(
            ProblemCollector problems, List<PageInfo> pages, boolean written, long startNanos) {
        return new CompileResult(
                problems.sorted(),
                problems.droppedCount(),
                problems.errorCount(),
                pages,
                written,
                Duration.ofNanos(System.nanoTime() - startNanos));
    }

    public boolean hasErrors() {
        return errorCount > 0;
    }

    public long warningCount() {
        return problems.stream().filter(problem -> !problem.isError()).count();
    }
}
