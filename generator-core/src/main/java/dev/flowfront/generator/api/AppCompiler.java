package dev.flowfront.generator.api;

import dev.flowfront.generator.catalog.CatalogRenderer;
import dev.flowfront.generator.expression.ExpressionCompiler;
import dev.flowfront.generator.render.PageRenderer;
import dev.flowfront.generator.site.SiteOutput;
import dev.flowfront.generator.site.SiteWriter;
import dev.flowfront.generator.site.StagingFolder;
import dev.flowfront.generator.site.StaticAssets;
import dev.flowfront.generator.validate.SiteValidator;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compiles Kestra App and flow YAML into a static site: one page per app, the catalog ({@code
 * index.html}) and apps manifest ({@code apps.json}), and the shared runtime script and
 * stylesheets.
 *
 * <pre>{@code
 * CompileOptions options = CompileOptions.builder()
 *         .appsDirectory(Path.of("apps"))
 *         .flowsDirectory(Path.of("flows"))
 *         .outputDirectory(Path.of("target/site"))
 *         .kestraUrl("https://kestra.example.com")
 *         .build();
 * CompileResult result = new AppCompiler().compile(options);
 * result.problems().forEach(problem -> System.err.println(problem.format()));
 * if (result.hasErrors()) {
 *     // The previous site is untouched.
 * }
 * }</pre>
 *
 * <p>Mistakes in the input are returned as {@link Problem}s, all of them from one run; the site is
 * written only when none is an ERROR, and then replaces the output folder as a whole. I/O failures
 * and invalid options throw {@link GeneratorException}.
 *
 * <p>A build loads, validates and renders apps on one thread per processor and writes each page as
 * soon as it is rendered, so its memory does not grow with the number of pages. The output and the
 * problems do not depend on the threads. An instance keeps no state between builds besides caches
 * of templates and expressions, and may be reused, also from several threads at once. To rebuild
 * only what changed since the previous build, use an {@link IncrementalCompiler}.
 */
public final class AppCompiler {

    private static final Logger LOG = LoggerFactory.getLogger(AppCompiler.class);

    final SiteBuild.Services services;
    final int threads;

    /** Creates a compiler that uses the runtime and stylesheet of the templates module. */
    public AppCompiler() {
        this(new StaticAssets());
    }

    /**
     * Creates a compiler with another runtime script, such as a small stand-in for tests.
     *
     * @param staticAssets where the runtime script and stylesheet come from
     */
    public AppCompiler(StaticAssets staticAssets) {
        this(staticAssets, ParallelTasks.defaultThreads());
    }

    /** Creates a compiler that runs the parts of a build on {@code threads} threads. */
    AppCompiler(StaticAssets staticAssets, int threads) {
        ExpressionCompiler expressionCompiler = new ExpressionCompiler();
        this.services =
                new SiteBuild.Services(
                        new PageRenderer(expressionCompiler),
                        new SiteValidator(expressionCompiler),
                        new CatalogRenderer(),
                        staticAssets);
        this.threads = threads;
    }

    /**
     * Loads, validates and renders every app, then replaces the output folder with the site when no
     * ERROR was found.
     *
     * @throws GeneratorException when an input folder cannot be read, the output cannot be written,
     *     or the options are invalid
     */
    public CompileResult compile(CompileOptions options) {
        if (options.outputDirectory() == null) {
            throw new GeneratorException("No output folder is set; set outputDirectory");
        }
        SiteWriter.checkOutput(options.outputDirectory(), inputs(options));
        return run(options, true);
    }

    /**
     * Loads, validates and renders every app like {@link #compile}, without writing anything.
     *
     * @throws GeneratorException when an input folder cannot be read or the options are invalid
     */
    public CompileResult validate(CompileOptions options) {
        return run(options, false);
    }

    private CompileResult run(CompileOptions options, boolean write) {
        long start = System.nanoTime();
        checkOptions(options);
        ProblemCollector problems = new ProblemCollector();
        List<CompileResult.PageInfo> pages;
        boolean written = false;
        try (ParallelTasks tasks = new ParallelTasks(threads)) {
            if (!write) {
                pages =
                        new SiteBuild(services, options, SiteOutput.discarding(), tasks)
                                .run(problems);
            } else {
                try (StagingFolder staging = StagingFolder.create(options.outputDirectory())) {
                    pages = new SiteBuild(services, options, staging, tasks).run(problems);
                    if (!problems.hasErrors()) {
                        staging.commit();
                        written = true;
                    }
                }
            }
        }
        CompileResult result = CompileResult.of(problems, pages, written, start);
        logSummary(result, options, write);
        return result;
    }

    /** Every folder and file a build reads. */
    static List<Path> inputs(CompileOptions options) {
        List<Path> inputs = new ArrayList<>(options.appsDirectories());
        inputs.addAll(options.flowsDirectories());
        if (options.namespaceFilesDirectory() != null) {
            inputs.add(options.namespaceFilesDirectory());
        }
        if (options.branding().banner() != null) {
            inputs.add(options.branding().banner());
        }
        return inputs;
    }

    static void checkOptions(CompileOptions options) {
        if (!options.kestraUrl().isEmpty()) {
            checkHttpUrl(options.kestraUrl(), "Kestra URL");
            // Pages add /api/v1 themselves, so a URL that has it would call /api/v1/api/v1/...
            if (options.kestraUrl().matches("(?i).*/api/v1(/.*)?$")) {
                throw new GeneratorException(
                        "The Kestra URL '"
                                + options.kestraUrl()
                                + "' contains /api/v1, which pages add themselves. Give the"
                                + " origin and context path only, e.g. https://kestra.example.com");
            }
        }
        if (!options.siteUrl().isEmpty()) {
            checkHttpUrl(options.siteUrl(), "site URL");
        }
    }

    private static void checkHttpUrl(String url, String optionName) {
        Optional<String> scheme;
        URI uri = null;
        try {
            uri = new URI(url);
            scheme = Optional.ofNullable(uri.getHost() == null ? null : uri.getScheme());
        } catch (URISyntaxException e) {
            scheme = Optional.empty();
        }
        if (scheme.isEmpty()
                || !(scheme.get().equalsIgnoreCase("http")
                        || scheme.get().equalsIgnoreCase("https"))) {
            throw new GeneratorException(
                    "The "
                            + optionName
                            + " '"
                            + url
                            + "' is not an absolute http or https URL;"
                            + " write it like https://kestra.example.com");
        }
        // Every page embeds these URLs, so a user name, password or token in them would be
        // published with the site. The message leaves the URL out because it contains the secret.
        if (uri.getRawUserInfo() != null) {
            throw new GeneratorException(
                    "The "
                            + optionName
                            + " contains a user name or password before '@', which would be"
                            + " written into every page; remove it and choose an auth mode"
                            + " (basic or bearer asks the user, none or cookie leaves it to a"
                            + " proxy)");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new GeneratorException(
                    "The "
                            + optionName
                            + " has a query or fragment, which would be written into every page"
                            + " and may carry a token; give only the scheme, host, port and"
                            + " path, like https://kestra.example.com");
        }
    }

    private static String count(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }

    static void logSummary(CompileResult result, CompileOptions options, boolean write) {
        long millis = result.duration().toMillis();
        long warnings = result.warningCount();
        if (result.hasErrors()) {
            LOG.info(
                    "Build failed with {} and {} in {} ms{}",
                    count(result.errorCount(), "error"),
                    count(warnings, "warning"),
                    millis,
                    write ? "; " + options.outputDirectory() + " is unchanged" : "");
        } else if (write) {
            LOG.info(
                    "Wrote {} and the catalog to {} in {} ms ({})",
                    count(result.pages().size(), "app page"),
                    options.outputDirectory(),
                    millis,
                    count(warnings, "warning"));
        } else {
            LOG.info(
                    "Validated {} in {} ms ({})",
                    count(result.pages().size(), "app"),
                    millis,
                    count(warnings, "warning"));
        }
        if (result.droppedCount() > 0) {
            LOG.info("{} more problems were found and not listed", result.droppedCount());
        }
    }
}
