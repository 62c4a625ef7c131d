package dev.flowfront.generator.api;

import dev.flowfront.generator.site.SiteWriter;
import dev.flowfront.generator.site.StagingFolder;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A compiler for a process that rebuilds the same site again and again, such as a preview server
 * that rebuilds when a file changes. Each build loads, validates and renders only the apps whose
 * inputs changed since the previous build of this instance, and reuses the pages of the others. The
 * site and the problems are those a full build by {@link AppCompiler} gives.
 *
 * <pre>{@code
 * IncrementalCompiler compiler = new IncrementalCompiler();
 * compiler.compile(options); // the first build renders every app
 * // ... an app file changes ...
 * compiler.compile(options); // renders that app, rebuilds the catalog, reuses the other pages
 * }</pre>
 *
 * <p>An app is rendered again when its file, its flow's file, a namespace file its page or
 * thumbnail reads, or an option changed. Files are compared by size, modification time and file
 * key, and by content when those differ or the file was modified moments before the last build
 * looked at it. The duplicate checks, the catalog and {@code apps.json} are rebuilt every time.
 *
 * <p>The site is still replaced as a whole, through a staging folder. The output folder of the
 * build before last is kept next to the output as {@code .<name>-spare} and becomes the next
 * staging folder, so a rebuild writes only the files that changed, and unchanged files of the last
 * build are hard-linked. Nothing else may change the output folder or the spare between builds:
 * this compiler would not notice changes made there.
 *
 * <p>Builds of one instance run one at a time; {@link #compile} is synchronized. The memory of the
 * previous build keeps a summary, the problems and the tile of every app.
 */
public final class IncrementalCompiler {

    private static final Logger LOG = LoggerFactory.getLogger(IncrementalCompiler.class);

    private final AppCompiler compiler;
    private IncrementalBuild.Memory memory = new IncrementalBuild.Memory();

    /** The output folder the memory describes, or null before the first build. */
    private Path output;

    /** File key of the output folder after the last commit; null when unknown. */
    private Object outputKey;

    private Map<String, String> outputContents;
    private Object spareKey;
    private Map<String, String> spareContents;

    /** Number of apps the last build took from the one before; for tests. */
    private int lastReusedCount;

    /** Creates a compiler that uses the runtime and stylesheet of the templates module. */
    public IncrementalCompiler() {
        this(new AppCompiler());
    }

    /** Creates a compiler with the runtime, threads and caches of the given compiler. */
    public IncrementalCompiler(AppCompiler compiler) {
        this.compiler = compiler;
    }

    /**
     * Builds the site like {@link AppCompiler#compile}, reusing what did not change since the
     * previous build of this instance.
     *
     * @throws GeneratorException when an input folder cannot be read, the output cannot be written,
     *     or the options are invalid
     */
    public synchronized CompileResult compile(CompileOptions options) {
        if (options.outputDirectory() == null) {
            throw new GeneratorException("No output folder is set; set outputDirectory");
        }
        SiteWriter.checkOutput(options.outputDirectory(), AppCompiler.inputs(options));
        AppCompiler.checkOptions(options);
        long start = System.nanoTime();
        checkFolders(options.outputDirectory().toAbsolutePath().normalize());

        ProblemCollector problems = new ProblemCollector();
        List<CompileResult.PageInfo> pages;
        boolean written = false;
        try (ParallelTasks tasks = new ParallelTasks(compiler.threads)) {
            StagingFolder staging = StagingFolder.recycle(output, spareContents, outputContents);
            try {
                IncrementalBuild build =
                        new IncrementalBuild(compiler.services, options, staging, tasks, memory);
                pages = build.run(problems);
                Map<String, String> contents = staging.contents();
                build.remember(build.apps(), contents);
                if (!problems.hasErrors()) {
                    staging.commit();
                    written = true;
                    outputContents = contents;
                    outputKey = folderKey(output);
                }
                lastReusedCount = build.reusedCount();
                LOG.debug(
                        "Reused {} of {} apps from the previous build",
                        lastReusedCount,
                        build.apps().size());
            } catch (RuntimeException | Error e) {
                // The memory may describe parts this build did not finish; start over next time.
                memory = new IncrementalBuild.Memory();
                throw e;
            } finally {
                staging.close();
                spareContents = staging.spareContents();
                spareKey = spareContents == null ? null : folderKey(StagingFolder.spareOf(output));
            }
        }
        CompileResult result = CompileResult.of(problems, pages, written, start);
        AppCompiler.logSummary(result, options, true);
        return result;
    }

    /**
     * Discards the recorded contents of the output and the spare when they are not the folders this
     * instance left, and all memory when the output folder is another one.
     */
    private void checkFolders(Path target) {
        if (!target.equals(output)) {
            output = target;
            memory = new IncrementalBuild.Memory();
            outputKey = null;
            spareKey = null;
            spareContents = null;
            // A missing output folder contains nothing. An existing one, left by another process,
            // contains files this instance did not write.
            outputContents = folderKey(target) == null ? new HashMap<>() : null;
            return;
        }
        Object currentOutput = folderKey(target);
        if (currentOutput == null) {
            outputContents = new HashMap<>();
        } else if (!Objects.equals(currentOutput, outputKey)) {
            outputContents = null;
        }
        if (spareContents != null
                && !Objects.equals(folderKey(StagingFolder.spareOf(target)), spareKey)) {
            spareContents = null;
        }
    }

    /** Returns the number of apps the last build took from the one before. */
    synchronized int lastReusedCount() {
        return lastReusedCount;
    }

    private static Object folderKey(Path folder) {
        FileState.Metadata metadata = FileState.metadata(folder);
        if (metadata == null || !metadata.directory()) {
            return null;
        }
        // Some file systems have no file keys, so the change time replaces the key there.
        return metadata.fileKey() != null ? metadata.fileKey() : metadata.changedNanos();
    }
}
