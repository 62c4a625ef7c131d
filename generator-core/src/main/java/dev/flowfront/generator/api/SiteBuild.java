package dev.flowfront.generator.api;

import dev.flowfront.generator.catalog.CatalogApp;
import dev.flowfront.generator.catalog.CatalogEntry;
import dev.flowfront.generator.catalog.CatalogOutput;
import dev.flowfront.generator.catalog.CatalogRenderer;
import dev.flowfront.generator.catalog.LinkedAsset;
import dev.flowfront.generator.catalog.ThumbnailResolver;
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
import dev.flowfront.generator.site.SiteOutput;
import dev.flowfront.generator.site.StaticAssets;
import dev.flowfront.generator.validate.FlowResolver;
import dev.flowfront.generator.validate.SiteValidator;
import dev.flowfront.generator.yaml.YamlReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One build: loads, validates and renders the site, one app at a time per thread, and writes each
 * page as soon as it is rendered.
 *
 * <p>Every part (a flow file, an app file) collects its problems in its own {@link
 * ProblemCollector#forPart()} collector. At the end they are added to the build's collector in the
 * order a one-by-one build finds them: app files, then flow files, the duplicate checks, each app
 * by location, each flow, then the catalog and the pages. So the problems, and which ones the cap
 * keeps, do not depend on the threads.
 *
 * <p>A page is rendered right after its app is validated, before the build has validated the other
 * apps. When one has, the pages are discarded with the staging folder and their problems are not
 * reported, as a build that renders only after validating every app would do. Once an error is
 * seen, later apps are not rendered at all.
 */
class SiteBuild {

    private static final Logger LOG = LoggerFactory.getLogger(SiteBuild.class);

    /**
     * Estimated bytes of heap that a flow definition takes per byte of its YAML file. It is about 8
     * for the synthetic flows of the benchmarks module, rounded up here.
     */
    private static final long DEFINITION_BYTES_PER_FILE_BYTE = 10;

    final Services services;
    final CompileOptions options;
    final SiteOutput output;
    private final ParallelTasks tasks;
    private final YamlReader reader = new YamlReader();
    private final AtomicBoolean failed = new AtomicBoolean();
    private final Set<String> pagePaths = ConcurrentHashMap.newKeySet();

    private Future<RuntimeAssets> runtimeAssets;

    /** The parts of the app files, in file order, once {@link #run} loaded them. */
    private List<AppPart> apps = List.of();

    /** Heap left for full flow definitions that apps reuse instead of reading their flow again. */
    private final AtomicLong flowBudget;

    SiteBuild(Services services, CompileOptions options, SiteOutput output, ParallelTasks tasks) {
        this.services = services;
        this.options = options;
        this.output = output;
        this.tasks = tasks;
        this.flowBudget = new AtomicLong(Runtime.getRuntime().maxMemory() / 8);
    }

    /** The results of one flow file: its problems, its summary and maybe its definition. */
    static final class FlowPart {
        final SourceFile file;
        final ProblemCollector loadProblems = ProblemCollector.forPart();
        final ProblemCollector inputProblems = ProblemCollector.forPart();
        FlowDefinition summary;

        /** The whole definition, or null when it was not loaded or did not fit the budget. */
        FlowDefinition definition;

        FlowPart(SourceFile file) {
            this.file = file;
        }
    }

    /** The results of one app file: its problems by phase, its summary and its tile. */
    static final class AppPart {
        final SourceFile file;
        final ProblemCollector loadProblems = ProblemCollector.forPart();
        final ProblemCollector validationProblems = ProblemCollector.forPart();
        final ProblemCollector thumbnailProblems = ProblemCollector.forPart();
        final ProblemCollector renderProblems = ProblemCollector.forPart();
        AppDefinition summary;
        CatalogEntry catalogEntry;

        /** The page's path, once it is rendered and put in the output. */
        String pagePath;

        /** The assets the page put in the output, such as namespace images. */
        final List<String> assets = new ArrayList<>();

        AppPart(SourceFile file) {
            this.file = file;
        }

        String pageUrl() {
            return PageRenderer.pageUrl(summary);
        }
    }

    /**
     * The settings, flows and resolvers that every app of the build uses.
     *
     * @param flowParts the part of each loaded flow, by its summary, which is compared by identity
     */
    record Shared(
            PageSettings settings,
            FlowResolver flows,
            Map<FlowDefinition, FlowPart> flowParts,
            ThumbnailResolver thumbnails,
            ProblemCollector brandingProblems) {}

    /** Runs the build, adding problems to {@code problems} and pages to the output. */
    List<CompileResult.PageInfo> run(ProblemCollector problems) {
        long start = System.nanoTime();
        // The runtime scripts are usually prebuilt, but a runtime without prebuilt scripts is
        // minified here, which takes 2 to 3 s in a new JVM on 2 cores, so it runs while flows load.
        runtimeAssets = ParallelTasks.startThread("flowfront-runtime", this::prepareRuntime);
        List<FlowPart> flows =
                tasks.map(SourceFile.listYaml(options.flowsDirectories()), this::flowPart);
        List<FlowDefinition> flowSummaries = new ArrayList<>();
        for (FlowPart flow : flows) {
            if (flow.summary != null) {
                flowSummaries.add(flow.summary);
            }
        }
        LOG.debug("Loaded and checked {} flow files in {} ms", flows.size(), millisSince(start));

        long sharedStart = System.nanoTime();
        Shared shared = shared(flowSummaries, flows);
        LOG.debug("Prepared the runtime and stylesheets in {} ms", millisSince(sharedStart));

        long appsStart = System.nanoTime();
        List<SourceFile> appFiles = SourceFile.listYaml(options.appsDirectories());
        if (appFiles.isEmpty()) {
            reportNoApps(problems);
        }
        apps = tasks.map(appFiles, file -> appPart(file, shared));
        LOG.debug(
                "Loaded, checked and rendered {} app files in {} ms",
                apps.size(),
                millisSince(appsStart));

        long reportStart = System.nanoTime();
        List<CompileResult.PageInfo> pages = report(apps, flows, flowSummaries, shared, problems);
        LOG.debug("Checked duplicates and built the catalog in {} ms", millisSince(reportStart));
        return pages;
    }

    /** Reports an apps folder without app files, whose site would be an empty catalog. */
    private void reportNoApps(ProblemCollector problems) {
        List<String> folders =
                options.appsDirectories().stream()
                        .map(folder -> SourceFile.of(folder).displayPath())
                        .toList();
        problems.error(
                SourceLocation.ofFile(folders.isEmpty() ? "." : folders.get(0)),
                "no app file (*.yaml or *.yml) was found in " + String.join(", ", folders),
                "Add an App YAML file there, or point the apps folder at the folder that contains"
                        + " them");
    }

    private RuntimeAssets prepareRuntime() {
        SiteContent files = new SiteContent();
        StaticAssets.Links links = services.staticAssets().addTo(files);
        return new RuntimeAssets(links, files);
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** Returns the parts of the app files in file order, once {@link #run} returned. */
    final List<AppPart> apps() {
        return apps;
    }

    /** Returns the part of a flow file; an incremental build may return an earlier one. */
    FlowPart flowPart(SourceFile file) {
        return loadFlow(file, file.readBytes());
    }

    /** Returns the part of an app file; an incremental build may return an earlier one. */
    AppPart appPart(SourceFile file, Shared shared) {
        return loadApp(file, file.readBytes(), shared);
    }

    /**
     * Tells an incremental build that rendering or cataloging an app looks up a namespace file,
     * before the file is read. A full build ignores it.
     */
    void lookedUp(AppPart part, Path file) {}

    /** Notes the errors of a part, so that later apps are not rendered. */
    final void noteErrors(ProblemCollector... parts) {
        for (ProblemCollector part : parts) {
            if (part.hasErrors()) {
                failed.set(true);
            }
        }
    }

    /**
     * Records that an app has the page at {@code url}. A second app with the same namespace and id
     * stops the rendering; the duplicate check reports it.
     */
    final void claimPage(String url) {
        if (!pagePaths.add(url)) {
            failed.set(true);
        }
    }

    final FlowPart loadFlow(SourceFile file, byte[] content) {
        FlowPart part = new FlowPart(file);
        Optional<FlowDefinition> flow =
                new FlowLoader(reader, part.loadProblems).load(file, content);
        if (flow.isPresent()) {
            services.validator().validateFlow(flow.get(), part.inputProblems);
            part.summary = Summaries.of(flow.get());
            if (keepsDefinition(file)) {
                part.definition = flow.get();
            }
        } else {
            // A file whose flow cannot be identified may be one an app needs, so it fails the
            // build. The errors of an identified flow count only once an app uses it.
            noteErrors(part.loadProblems);
        }
        return part;
    }

    /** Takes a flow's estimated size from the budget, or returns false when it does not fit. */
    private boolean keepsDefinition(SourceFile file) {
        long estimate;
        try {
            estimate = Files.size(file.path()) * DEFINITION_BYTES_PER_FILE_BYTE;
        } catch (IOException e) {
            return false;
        }
        return flowBudget.addAndGet(-estimate) >= 0;
    }

    Shared shared(List<FlowDefinition> flowSummaries, List<FlowPart> flows) {
        Map<FlowDefinition, FlowPart> flowParts = new IdentityHashMap<>();
        flows.stream()
                .filter(flow -> flow.summary != null)
                .forEach(flow -> flowParts.put(flow.summary, flow));
        ProblemCollector brandingProblems = ProblemCollector.forPart();
        LinkedAsset branding =
                services.catalog().brandingStylesheet(options.branding(), output, brandingProblems);
        RuntimeAssets runtime = ParallelTasks.join(runtimeAssets);
        runtime.files().files().forEach(output::put);
        StaticAssets.Links links = runtime.links();
        PageSettings settings =
                new PageSettings(
                        options,
                        links,
                        branding,
                        output,
                        new NamespaceFiles(options.namespaceFilesDirectory()));
        return new Shared(
                settings,
                new FlowResolver(flowSummaries),
                flowParts,
                services.catalog().thumbnails(options.namespaceFilesDirectory()),
                brandingProblems);
    }

    final AppPart loadApp(SourceFile file, byte[] content, Shared shared) {
        AppPart part = new AppPart(file);
        Optional<AppDefinition> loaded =
                new AppLoader(reader, part.loadProblems).load(file, content);
        noteErrors(part.loadProblems);
        if (loaded.isEmpty()) {
            return part;
        }
        AppDefinition app = loaded.get();
        part.summary = Summaries.of(app);

        Optional<FlowDefinition> summary = shared.flows().resolve(app, part.validationProblems);
        summary.map(shared.flowParts()::get)
                .ifPresent(flowPart -> noteErrors(flowPart.loadProblems, flowPart.inputProblems));
        Optional<FlowDefinition> flow =
                summary.map(resolved -> definition(resolved, shared.flowParts()));
        services.validator().validateApp(app, flow, part.validationProblems);
        noteErrors(part.validationProblems);

        String url = PageRenderer.pageUrl(app);
        claimPage(url);
        if (failed.get()) {
            return part;
        }

        shared.thumbnails().file(part.summary).ifPresent(thumbnail -> lookedUp(part, thumbnail));
        part.catalogEntry =
                services.catalog()
                        .entry(
                                new CatalogApp(part.summary, url),
                                shared.thumbnails(),
                                part.thumbnailProblems);

        RenderedPage page =
                services.renderer()
                        .render(
                                app,
                                flow.orElse(null),
                                settings(part, shared),
                                part.renderProblems);
        output.put(page.path(), page.html().getBytes(StandardCharsets.UTF_8));
        part.pagePath = page.path();
        LOG.debug("Rendered {} from {}", page.path(), app.displayPath());
        return part;
    }

    /**
     * Returns the page settings for one app, which note its namespace files and assets for an
     * incremental build.
     */
    private PageSettings settings(AppPart part, Shared shared) {
        PageSettings settings = shared.settings();
        AssetSink assets =
                (folder, extension, content) -> {
                    String path = output.put(folder, extension, content);
                    part.assets.add(path);
                    return path;
                };
        return new PageSettings(
                settings.options(),
                settings.links(),
                settings.branding(),
                assets,
                new NamespaceFiles(
                        options.namespaceFilesDirectory(), file -> lookedUp(part, file)));
    }

    /** Returns the whole definition of a resolved flow, reading its file again when needed. */
    private FlowDefinition definition(FlowDefinition summary, Map<FlowDefinition, FlowPart> flows) {
        FlowPart flow = flows.get(summary);
        if (flow != null && flow.definition != null) {
            return flow.definition;
        }
        // NOTE: a flow file that changed since the flow phase read it gives this app a flow that
        // the flow phase did not check. The next build detects the change.
        return new FlowLoader(reader, ProblemCollector.forPart())
                .load(SourceFile.of(summary.file()))
                .orElse(summary);
    }

    /** Reports the problems of a flow that no app uses as one warning. */
    private static void warnUnused(FlowPart flow, ProblemCollector problems) {
        List<Problem> found = new ArrayList<>(flow.loadProblems.sorted());
        found.addAll(flow.inputProblems.sorted());
        if (found.isEmpty()) {
            return;
        }
        Collections.sort(found);
        int count =
                found.size() + flow.loadProblems.droppedCount() + flow.inputProblems.droppedCount();
        problems.add(FlowLoader.unusedFlowWarning(flow.summary.qualifiedId(), found, count));
    }

    List<CompileResult.PageInfo> report(
            List<AppPart> apps,
            List<FlowPart> flows,
            List<FlowDefinition> flowSummaries,
            Shared shared,
            ProblemCollector problems) {
        List<AppDefinition> appSummaries = new ArrayList<>();
        for (AppPart app : apps) {
            problems.addAll(app.loadProblems);
            if (app.summary != null) {
                appSummaries.add(app.summary);
            }
        }
        Set<String> usedFlows = new HashSet<>();
        appSummaries.forEach(app -> usedFlows.add(app.flowKey()));
        for (FlowPart flow : flows) {
            if (flow.summary == null || usedFlows.contains(flow.summary.qualifiedId())) {
                problems.addAll(flow.loadProblems);
                problems.addAll(flow.inputProblems);
            } else {
                warnUnused(flow, problems);
            }
        }
        services.validator().checkDuplicates(appSummaries, flowSummaries, problems);
        List<AppPart> byLocation = new ArrayList<>();
        for (AppPart app : apps) {
            if (app.summary != null) {
                byLocation.add(app);
            }
        }
        byLocation.sort(Comparator.comparing(app -> app.summary.location()));
        byLocation.forEach(app -> problems.addAll(app.validationProblems));
        if (problems.hasErrors()) {
            return List.of();
        }

        // Pages are rendered even when the catalog reports errors, so one build lists all.
        addCatalog(apps, shared, problems);
        List<CompileResult.PageInfo> pages = new ArrayList<>();
        for (AppPart app : apps) {
            if (app.summary != null) {
                problems.addAll(app.renderProblems);
                pages.add(
                        new CompileResult.PageInfo(
                                app.summary.id(), app.summary.namespace(), app.pageUrl()));
            }
        }
        pages.sort(Comparator.comparing(CompileResult.PageInfo::url));
        return pages;
    }

    private void addCatalog(List<AppPart> apps, Shared shared, ProblemCollector problems) {
        problems.addAll(shared.brandingProblems());
        Optional<String> banner =
                services.catalog().banner(options.branding().banner(), output, problems);
        List<CatalogEntry> entries = new ArrayList<>();
        List<AppPart> byName = new ArrayList<>();
        for (AppPart app : apps) {
            if (app.summary != null) {
                entries.add(app.catalogEntry);
                byName.add(app);
            }
        }
        byName.sort(
                Comparator.comparing((AppPart app) -> app.summary.namespace())
                        .thenComparing(app -> app.summary.id()));
        byName.forEach(app -> problems.addAll(app.thumbnailProblems));
        CatalogOutput catalog =
                services.catalog()
                        .assemble(
                                entries,
                                options.branding(),
                                shared.settings().branding(),
                                banner,
                                output);
        catalog.files().forEach(output::put);
    }

    /** The objects a compiler keeps between builds. */
    record Services(
            PageRenderer renderer,
            SiteValidator validator,
            CatalogRenderer catalog,
            StaticAssets staticAssets) {}

    /**
     * The runtime script and stylesheet, stored in a site of their own until the build needs them.
     */
    private record RuntimeAssets(StaticAssets.Links links, SiteContent files) {}
}
