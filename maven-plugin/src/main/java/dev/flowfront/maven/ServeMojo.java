package dev.flowfront.maven;

import dev.flowfront.generator.api.CompileOptions;
import dev.flowfront.generator.api.CompileResult;
import dev.flowfront.generator.api.GeneratorException;
import dev.flowfront.generator.api.IncrementalCompiler;
import dev.flowfront.generator.api.Problem;
import dev.flowfront.preview.PreviewServer;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Builds the site, serves it on 127.0.0.1 with a simulated Kestra API that plays the flows, and
 * rebuilds when an app, flow or namespace file changes. A rebuild renders only the apps whose
 * inputs changed and reuses the other pages. With {@code kestraUrl} set, the API is forwarded to
 * that Kestra instead of being simulated. Runs until the build is interrupted (Ctrl+C).
 *
 * @since 0.1.0
 */
@Mojo(name = "serve", requiresProject = true)
public class ServeMojo extends AbstractFlowfrontMojo {

    /** How long to wait after a file change for more changes before rebuilding, in milliseconds. */
    private static final long QUIET_PERIOD_MILLIS = 300;

    /**
     * Port of the preview server on 127.0.0.1; 0 picks a free one.
     *
     * @since 0.1.0
     */
    @Parameter(property = "flowfront.port", defaultValue = "8080")
    private int port;

    /**
     * Folder of task output fixtures for the simulator (Kestra's unit-test fixtures format).
     *
     * @since 0.1.0
     */
    @Parameter(
            property = "flowfront.fixturesDirectory",
            defaultValue = "${project.basedir}/src/main/fixtures")
    private File fixturesDirectory;

    /**
     * Speed of simulated time: 2 plays Sleep and Pause durations twice as fast.
     *
     * @since 0.1.0
     */
    @Parameter(property = "flowfront.speed", defaultValue = "1")
    private double speed;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping Flowfront serve: flowfront.skip is true.");
            return;
        }
        requireApps();
        CompileOptions options = compileOptions();
        // One compiler for the whole session, so a rebuild renders only the apps that changed.
        IncrementalCompiler compiler = new IncrementalCompiler();
        build(compiler, options, true);
        try (WatchService watcher = FileSystems.getDefault().newWatchService()) {
            List<Path> watched = watchedFolders();
            for (Path folder : watched) {
                register(watcher, folder);
            }
            PreviewServer server = start();
            try {
                while (waitForChange(watcher)) {
                    getLog().info("Input changed; rebuilding.");
                    if (build(compiler, options, false)) {
                        // The simulator reads flows when it starts, so a restart picks up changes.
                        server.close();
                        server = start();
                    }
                    for (Path folder : watched) {
                        register(watcher, folder);
                    }
                }
            } finally {
                server.close();
            }
        } catch (IOException e) {
            throw new MojoExecutionException(
                    "Cannot watch the input folders: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Compiles the site. The first build fails the goal on errors; later ones only log them, so a
     * typo while editing does not stop the server, which keeps serving the last good site.
     */
    private boolean build(
            IncrementalCompiler compiler, CompileOptions options, boolean failOnErrors)
            throws MojoFailureException, MojoExecutionException {
        try {
            CompileResult result = compiler.compile(options);
            if (failOnErrors) {
                report(result.problems(), result.droppedCount());
                return true;
            }
            for (Problem problem : result.problems()) {
                if (problem.isError()) {
                    getLog().error(problem.format());
                } else {
                    getLog().warn(problem.format());
                }
            }
            return !result.hasErrors();
        } catch (GeneratorException e) {
            if (failOnErrors) {
                throw new MojoExecutionException(e.getMessage(), e);
            }
            getLog().error("Rebuild failed: " + e.getMessage());
            return false;
        }
    }

    private PreviewServer start() throws MojoExecutionException {
        PreviewServer.Builder builder =
                PreviewServer.builder()
                        .site(outputDirectory.toPath())
                        .flows(flowsDirectory.toPath())
                        .port(port)
                        .speed(speed);
        if (fixturesDirectory != null && fixturesDirectory.isDirectory()) {
            builder.fixtures(fixturesDirectory.toPath());
        }
        if (kestraUrl != null && !kestraUrl.isBlank()) {
            builder.proxyTo(URI.create(kestraUrl));
        }
        try {
            PreviewServer server = builder.start();
            getLog().info("Preview at " + server.url() + " (the catalog; Ctrl+C stops)");
            return server;
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new MojoExecutionException(
                    e.getMessage() + ". Pick another port with -Dflowfront.port=N.", e);
        }
    }

    private List<Path> watchedFolders() {
        List<Path> folders = new ArrayList<>();
        for (File folder :
                List.of(
                        appsDirectory,
                        flowsDirectory,
                        namespaceFilesDirectory,
                        fixturesDirectory)) {
            if (folder != null && folder.isDirectory()) {
                folders.add(folder.toPath());
            }
        }
        return folders;
    }

    /** Registers the folder and every folder below it; WatchService watches one level only. */
    private static void register(WatchService watcher, Path root) throws IOException {
        try (Stream<Path> folders = Files.walk(root)) {
            for (Path folder : folders.filter(Files::isDirectory).toList()) {
                folder.register(
                        watcher,
                        StandardWatchEventKinds.ENTRY_CREATE,
                        StandardWatchEventKinds.ENTRY_MODIFY,
                        StandardWatchEventKinds.ENTRY_DELETE);
            }
        }
    }

    /** Blocks until a file changes and no further change comes for a short while. */
    private static boolean waitForChange(WatchService watcher) throws InterruptedException {
        try {
            WatchKey key = watcher.take();
            do {
                key.pollEvents();
                key.reset();
                key = watcher.poll(QUIET_PERIOD_MILLIS, TimeUnit.MILLISECONDS);
            } while (key != null);
            return true;
        } catch (ClosedWatchServiceException e) {
            return false;
        }
    }
}
