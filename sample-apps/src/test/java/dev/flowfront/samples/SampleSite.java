package dev.flowfront.samples;

import dev.flowfront.preview.PreviewServer;
import dev.flowfront.preview.browser.CheckedPage;
import dev.flowfront.preview.browser.Chromium;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * The sample site that the plugin's generate goal wrote to {@code target/flowfront/site}, served by
 * the preview server with its Kestra simulator playing {@code src/main/flows}, and a Chromium to
 * open its pages. One instance serves one test class.
 */
final class SampleSite implements AutoCloseable {

    static final Path MODULE = Paths.get(System.getProperty("basedir", "."));

    private final PreviewServer server;
    private final Chromium chromium;

    private SampleSite(PreviewServer server, Chromium chromium) {
        this.server = server;
        this.chromium = chromium;
    }

    /**
     * Serves the site and launches Chromium.
     *
     * @param speed how much faster than real time the simulator plays flows. Every simulated task
     *     lasts 200 ms divided by it, so a stage that lasts one task needs a value below 1 to stay
     *     on screen while a test checks it.
     */
    static SampleSite start(double speed) {
        Path site = MODULE.resolve("target/flowfront/site");
        if (!Files.isRegularFile(site.resolve("index.html"))) {
            throw new IllegalStateException(
                    "No generated site at " + site + ". Run the build up to generate-resources");
        }
        PreviewServer server =
                PreviewServer.builder()
                        .site(site)
                        .flows(MODULE.resolve("src/main/flows"))
                        .fixtures(MODULE.resolve("src/main/fixtures"))
                        .port(0)
                        .speed(speed)
                        .start();
        try {
            return new SampleSite(server, Chromium.launch());
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    PreviewServer server() {
        return server;
    }

    /**
     * Opens a fresh browser context whose clock runs in the given IANA time zone, which records CSP
     * violations and console errors.
     */
    CheckedPage open(String timezoneId) {
        return chromium.open(timezoneId);
    }

    /** Returns the URL of an app's page, as the generator lays pages out. */
    String pageUrl(String namespace, String appId) {
        return server.url().resolve("apps/" + namespace + "/" + appId + "/").toString();
    }

    String catalogUrl() {
        return server.url().toString();
    }

    @Override
    public void close() {
        try {
            chromium.close();
        } finally {
            server.close();
        }
    }
}
