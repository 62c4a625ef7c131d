package dev.flowfront.generator.api;

import dev.flowfront.generator.definition.AppDefinition;
import dev.flowfront.generator.definition.FlowDefinition;
import dev.flowfront.generator.load.AppLoader;
import dev.flowfront.generator.load.FlowLoader;
import dev.flowfront.generator.load.SourceFile;
import dev.flowfront.generator.render.PageRenderer;
import dev.flowfront.generator.render.PageSettings;
import dev.flowfront.generator.render.RenderedPage;
import dev.flowfront.generator.site.NamespaceFiles;
import dev.flowfront.generator.site.SiteContent;
import dev.flowfront.generator.site.SiteContributor;
import dev.flowfront.generator.site.SiteWriter;
import dev.flowfront.generator.site.StaticAssets;
import dev.flowfront.generator.yaml.YamlReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compiles Kestra App and flow YAML into a static site: one page per app, plus the shared runtime
 * script and stylesheet.
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
 * and invalid options throw {@link GeneratorException}. An instance holds no state between builds
 * and may be reused.
 */
public final class AppCompiler {

    private static final Logger LOG = LoggerFactory.getLogger(AppCompiler.class);

    private final StaticAssets staticAssets;
    private final List<SiteContributor> contributors;
    private final PageRenderer renderer = new PageRenderer();

    /** Creates a compiler that uses the templates module and the standard site contributors. */
    public AppCompiler() {
        this(new StaticAssets(), defaultContributors());
    }

    /**
     * Creates a compiler with other static assets or site contributors.
     *
     * @param staticAssets where the runtime script and stylesheet come from
     * @param contributors run in order after the pages are rendered
     */
    public AppCompiler(StaticAssets staticAssets, List<SiteContributor> contributors) {
        this.staticAssets = staticAssets;
        this.contributors = List.copyOf(contributors);
    }

    /**
     * Returns the contributors of site-wide files that every build runs. The catalog ({@code
     * index.html}) and the apps manifest ({@code apps.json}) are added here.
     */
    public static List<SiteContributor> defaultContributors() {
        return List.of();
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
        YamlReader reader = new YamlReader();

        List<AppDefinition> apps = new ArrayList<>();
        AppLoader appLoader = new AppLoader(reader, problems);
        for (SourceFile file : SourceFile.listYaml(options.appsDirectories())) {
            appLoader.load(file).ifPresent(apps::add);
        }
        List<FlowDefinition> flows = new ArrayList<>();
        FlowLoader flowLoader = new FlowLoader(reader, problems);
        for (SourceFile file : SourceFile.listYaml(options.flowsDirectories())) {
            flowLoader.load(file).ifPresent(flows::add);
        }
        LOG.debug("Loaded {} apps and {} flows", apps.size(), flows.size());

        List<RenderedPage> pages = new ArrayList<>();
        SiteContent site = new SiteContent();
        if (!problems.hasErrors()) {
            pages = render(apps, flows, options, site, problems);
            addSiteFiles(apps, pages, options, site, problems);
        }
        boolean written = false;
        if (write && !problems.hasErrors()) {
            new SiteWriter().write(options.outputDirectory(), site.files());
            written = true;
        }
        Duration duration = Duration.ofNanos(System.nanoTime() - start);
        CompileResult result =
                new CompileResult(
                        problems.sorted(),
                        problems.droppedCount(),
                        problems.errorCount(),
                        pages.stream()
                                .map(
                                        page ->
                                                new CompileResult.PageInfo(
                                                        page.appId(), page.namespace(), page.url()))
                                .toList(),
                        written,
                        duration);
        logSummary(result, options, write);
        return result;
    }

    private List<RenderedPage> render(
            List<AppDefinition> apps,
            List<FlowDefinition> flows,
            CompileOptions options,
            SiteContent site,
            ProblemCollector problems) {
        Map<String, FlowDefinition> flowsByKey = new HashMap<>();
        flows.forEach(flow -> flowsByKey.putIfAbsent(flow.qualifiedId(), flow));
        StaticAssets.Links links = staticAssets.addTo(site, options.branding());
        PageSettings settings =
                new PageSettings(
                        options,
                        links,
                        site,
                        new NamespaceFiles(options.namespaceFilesDirectory()));
        Map<String, AppDefinition> appsByPath = new HashMap<>();
        List<RenderedPage> pages = new ArrayList<>();
        for (AppDefinition app : apps) {
            String path = PageRenderer.pagePath(app);
            AppDefinition first = appsByPath.putIfAbsent(path, app);
            if (first != null) {
                // Two pages cannot share a path, whether or not the validator ran.
                problems.error(
                        app.source().valueLocation("id"),
                        "app id '"
                                + app.id()
                                + "' is already used in namespace '"
                                + app.namespace()
                                + "' by "
                                + first.displayPath(),
                        "Give each app of a namespace its own id");
                continue;
            }
            RenderedPage page =
                    renderer.render(app, flowsByKey.get(app.flowKey()), settings, problems);
            site.put(page.path(), page.html());
            pages.add(page);
            LOG.debug("Rendered {} from {}", page.path(), app.displayPath());
        }
        pages.sort(Comparator.comparing(RenderedPage::path));
        return pages;
    }

    /** Runs the site contributors, such as the catalog, over the rendered pages. */
    private void addSiteFiles(
            List<AppDefinition> apps,
            List<RenderedPage> pages,
            CompileOptions options,
            SiteContent site,
            ProblemCollector problems) {
        for (SiteContributor contributor : contributors) {
            contributor.contribute(apps, pages, options, site, problems);
        }
    }

    private static void checkOptions(CompileOptions options) {
        if (!options.kestraUrl().isEmpty()) {
            checkHttpUrl(options.kestraUrl(), "Kestra URL");
        }
        if (!options.siteUrl().isEmpty()) {
            checkHttpUrl(options.siteUrl(), "site URL");
        }
    }

    private static void checkHttpUrl(String url, String what) {
        Optional<String> scheme;
        try {
            URI uri = new URI(url);
            scheme = Optional.ofNullable(uri.getHost() == null ? null : uri.getScheme());
        } catch (URISyntaxException e) {
            scheme = Optional.empty();
        }
        if (scheme.isEmpty()
                || !(scheme.get().equalsIgnoreCase("http")
                        || scheme.get().equalsIgnoreCase("https"))) {
            throw new GeneratorException(
                    "The "
                            + what
                            + " '"
                            + url
                            + "' is not an absolute http or https URL;"
                            + " write it like https://kestra.example.com");
        }
    }

    private static void logSummary(CompileResult result, CompileOptions options, boolean write) {
        long millis = result.duration().toMillis();
        long warnings = result.warningCount();
        if (result.hasErrors()) {
            LOG.info(
                    "Build failed with {} errors and {} warnings in {} ms{}",
                    result.errorCount(),
                    warnings,
                    millis,
                    write ? "; " + options.outputDirectory() + " is unchanged" : "");
        } else if (write) {
            LOG.info(
                    "Wrote {} app pages to {} in {} ms ({} warnings)",
                    result.pages().size(),
                    options.outputDirectory(),
                    millis,
                    warnings);
        } else {
            LOG.info(
                    "Validated {} apps in {} ms ({} warnings)",
                    result.pages().size(),
                    millis,
                    warnings);
        }
        if (result.droppedCount() > 0) {
            LOG.info("{} more problems were found and not listed", result.droppedCount());
        }
    }
}
