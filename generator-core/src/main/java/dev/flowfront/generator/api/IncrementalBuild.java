package dev.flowfront.generator.api;

import dev.flowfront.generator.definition.AppDefinition;
import dev.flowfront.generator.definition.FlowDefinition;
import dev.flowfront.generator.load.SourceFile;
import dev.flowfront.generator.render.PageRenderer;
import dev.flowfront.generator.site.StagingFolder;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * A build that takes the part of every unchanged flow and app from the previous build instead of
 * loading, validating and rendering it again, and hard-links or keeps its page.
 *
 * <p>An app's part is reused when its file, the file of the flow it resolves to (or, when none, the
 * flows its error message lists), the namespace files its page and thumbnail looked up, and the
 * settings every page shares (options, runtime links, branding) are all unchanged, and the page and
 * its assets are still in the spare or live output folder. Everything else the build computes
 * again: the duplicate checks, the catalog and the order of the problems, so the site and the
 * problems are those of a full build.
 */
final class IncrementalBuild extends SiteBuild {

    /** An app file as the previous build left it. */
    record CachedApp(
            FileState state,
            AppPart part,
            String flowKey,
            Map<Path, FileState> dependencies,
            String pageDigest,
            Map<String, String> assetDigests) {}

    /** A flow file as the previous build left it. */
    record CachedFlow(FileState state, FlowPart part) {}

    /** The memory an incremental compiler keeps from one build to the next. */
    static final class Memory {
        String sharedKey = "";
        Map<Path, CachedFlow> flows = new HashMap<>();
        Map<Path, CachedApp> apps = new HashMap<>();
    }

    private final Memory memory;
    private final StagingFolder staging;
    private final Map<Path, FileState> flowStates = new ConcurrentHashMap<>();
    private final Map<Path, CachedFlow> flows = new ConcurrentHashMap<>();
    private final Map<Path, CachedApp> reused = new ConcurrentHashMap<>();
    private final Map<Path, FileState> appStates = new ConcurrentHashMap<>();
    private final Map<AppPart, Map<Path, FileState>> lookups = new ConcurrentHashMap<>();
    private final Map<AppPart, String> flowKeys = new ConcurrentHashMap<>();
    private volatile String sharedKey;

    IncrementalBuild(
            Services services,
            CompileOptions options,
            StagingFolder staging,
            ParallelTasks tasks,
            Memory memory) {
        super(services, options, staging, tasks);
        this.memory = memory;
        this.staging = staging;
    }

    @Override
    FlowPart flowPart(SourceFile file) {
        Path path = file.path();
        CachedFlow cached = memory.flows.get(path);
        FileState.Metadata metadata = FileState.metadata(path);
        if (cached != null && cached.state().unchangedBy(metadata)) {
            return remember(file, cached.state(), cached.part());
        }
        byte[] content = file.readBytes();
        FileState state = FileState.of(metadata, content);
        if (cached != null && cached.state().sameContent(state)) {
            return remember(file, state, cached.part());
        }
        return remember(file, state, loadFlow(file, content));
    }

    private FlowPart remember(SourceFile file, FileState state, FlowPart part) {
        if (part.loadProblems.hasErrors() || part.inputProblems.hasErrors()) {
            noteErrors(part.loadProblems, part.inputProblems);
        }
        flowStates.put(file.path(), state);
        flows.put(file.path(), new CachedFlow(state, part));
        return part;
    }

    @Override
    Shared shared(List<FlowDefinition> flowSummaries, List<FlowPart> flowParts) {
        Shared result = super.shared(flowSummaries, flowParts);
        // Records print every field, so the text changes when any setting of the pages does.
        sharedKey =
                options + "\n" + result.settings().links() + "\n" + result.settings().branding();
        return result;
    }

    @Override
    AppPart appPart(SourceFile file, Shared shared) {
        Path path = file.path();
        CachedApp cached = memory.sharedKey.equals(sharedKey) ? memory.apps.get(path) : null;
        FileState.Metadata metadata = FileState.metadata(path);
        FileState state = null;
        byte[] content = null;
        if (cached != null && cached.state().unchangedBy(metadata)) {
            state = cached.state();
        } else {
            content = file.readBytes();
            state = FileState.of(metadata, content);
        }
        if (cached != null && cached.state().sameContent(state) && reuse(cached, shared)) {
            appStates.put(path, state);
            reused.put(path, cached);
            return cached.part();
        }
        if (content == null) {
            metadata = FileState.metadata(path);
            content = file.readBytes();
            state = FileState.of(metadata, content);
        }
        appStates.put(path, state);
        AppPart part = loadApp(file, content, shared);
        if (part.summary != null) {
            flowKeys.put(part, flowKey(part.summary, shared));
        }
        return part;
    }

    /**
     * Returns whether the cached part still holds, after claiming its page and putting its page and
     * assets in the staging folder.
     */
    private boolean reuse(CachedApp cached, Shared shared) {
        AppPart part = cached.part();
        AppDefinition summary = part.summary;
        if (summary != null && !flowKey(summary, shared).equals(cached.flowKey())) {
            return false;
        }
        boolean ownErrors = part.loadProblems.hasErrors() || part.validationProblems.hasErrors();
        if (summary == null || ownErrors) {
            // Such a build fails, so the part's page, if any, is never written.
            noteErrors(part.loadProblems, part.validationProblems);
            if (summary != null) {
                claimPage(PageRenderer.pageUrl(summary));
            }
            return true;
        }
        if (part.pagePath == null || !dependenciesUnchanged(cached.dependencies())) {
            return false;
        }
        if (!staging.reuse(part.pagePath, cached.pageDigest())) {
            return false;
        }
        for (Map.Entry<String, String> asset : cached.assetDigests().entrySet()) {
            if (!staging.reuse(asset.getKey(), asset.getValue())) {
                return false;
            }
        }
        claimPage(PageRenderer.pageUrl(summary));
        return true;
    }

    private static boolean dependenciesUnchanged(Map<Path, FileState> dependencies) {
        for (Map.Entry<Path, FileState> dependency : dependencies.entrySet()) {
            FileState before = dependency.getValue();
            FileState.Metadata metadata = FileState.metadata(dependency.getKey());
            if (!before.unchangedBy(metadata)
                    && !before.sameContent(FileState.read(dependency.getKey()))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Returns what the app's flow resolution depends on: the resolved flow file and its digest, or
     * the problem that explains why none was found, which lists the flows of the namespace.
     */
    private String flowKey(AppDefinition summary, Shared shared) {
        ProblemCollector resolution = ProblemCollector.forPart();
        Optional<FlowDefinition> flow = shared.flows().resolve(summary, resolution);
        if (flow.isEmpty()) {
            return "missing "
                    + resolution.sorted().stream()
                            .map(Problem::format)
                            .collect(Collectors.joining("\n"));
        }
        Path file = flow.get().file();
        return file + " " + flowStates.get(file).digest();
    }

    @Override
    void lookedUp(AppPart part, Path file) {
        lookups.computeIfAbsent(part, unused -> new LinkedHashMap<>())
                .computeIfAbsent(file, FileState::read);
    }

    /**
     * Updates the memory with this build's parts, the pages' digests taken from what the staging
     * folder contains. Parts of files that are gone are forgotten.
     */
    void remember(List<AppPart> apps, Map<String, String> written) {
        Map<Path, CachedApp> cachedApps = new HashMap<>();
        for (AppPart part : apps) {
            Path path = part.file.path();
            CachedApp cached = reused.get(path);
            if (cached != null && cached.part() == part) {
                cachedApps.put(
                        path,
                        new CachedApp(
                                appStates.get(path),
                                part,
                                cached.flowKey(),
                                cached.dependencies(),
                                cached.pageDigest(),
                                cached.assetDigests()));
                continue;
            }
            Map<String, String> assets = new LinkedHashMap<>();
            part.assets.forEach(asset -> assets.put(asset, written.get(asset)));
            cachedApps.put(
                    path,
                    new CachedApp(
                            appStates.get(path),
                            part,
                            flowKeys.get(part),
                            Map.copyOf(lookups.getOrDefault(part, Map.of())),
                            part.pagePath == null ? null : written.get(part.pagePath),
                            assets));
        }
        flows.values().forEach(flow -> flow.part().definition = null);
        memory.flows = new HashMap<>(flows);
        memory.apps = cachedApps;
        memory.sharedKey = sharedKey;
    }

    /** Number of apps whose part came from the previous build. */
    int reusedCount() {
        return reused.size();
    }
}
