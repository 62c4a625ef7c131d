package dev.flowfront.benchmarks.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.options.LoadState;
import dev.flowfront.benchmarks.synthetic.SyntheticApp;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Measures pages in headless Chromium against the preview server and its Kestra simulator, all on
 * 127.0.0.1. For each self-contained synthetic app it measures three things, each starting in a
 * fresh browser context with an empty cache, as on a first visit:
 *
 * <ul>
 *   <li>time to interactive of the OPEN page: from navigation start until the runtime shows the
 *       OPEN section, which it does after wiring the form; then again on a second visit, with the
 *       script and stylesheet in the HTTP cache;
 *   <li>the delay from each chunk of the execution event stream to the stage section it reveals,
 *       after submitting the untouched form;
 *   <li>time to interactive of the page opened on that finished execution ({@code
 *       ?execution=<id>}): until the final stage is shown.
 * </ul>
 *
 * Times come from the page's own clock through an injected probe (see {@code probe.js}) and the
 * Navigation Timing entry. A stage counts as shown at the runtime's {@code flowfront:stage:<STAGE>}
 * performance mark, or, for a runtime that sets none, when the probe observes its section become
 * visible. The marks of one page load are reported as they are.
 */
public final class BrowserBenchmark {

    private static final List<String> CHROMIUM_ARGS =
            List.of(
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync");
    private static final double WAIT_MILLIS = 15_000;

    private static final String COLLECT =
            """
            () => {
              const nav = performance.getEntriesByType('navigation')[0];
              const probe = window.__flowfrontProbe;
              return JSON.stringify({
                nav: {
                  responseStart: nav.responseStart,
                  responseEnd: nav.responseEnd,
                  domInteractive: nav.domInteractive,
                  domContentLoadedEventEnd: nav.domContentLoadedEventEnd,
                  loadEventEnd: nav.loadEventEnd
                },
                marks: performance.getEntriesByType('mark').map(m => ({ name: m.name, t: m.startTime })),
                shown: probe.stages(),
                stageSource: probe.stageSource(),
                chunks: probe.chunks
              });
            }
            """;

    private final Path previewJar;
    private final Path site;
    private final Path flows;
    private final List<SyntheticApp> apps;
    private final Path work;
    private final int rounds;

    /**
     * @param apps the apps the site was built from; only self-contained ones are opened
     * @param rounds how many times each app is measured, after one warm-up round
     */
    public BrowserBenchmark(
            Path previewJar,
            Path site,
            Path flows,
            List<SyntheticApp> apps,
            Path work,
            int rounds) {
        this.previewJar = previewJar;
        this.site = site;
        this.flows = flows;
        this.apps = apps.stream().filter(SyntheticApp::selfContained).toList();
        this.work = work;
        this.rounds = rounds;
    }

    /** Runs the measurements and returns the results file content. */
    public Map<String, Object> run() throws IOException, InterruptedException {
        if (apps.isEmpty()) {
            throw new IllegalArgumentException("No self-contained app to open in the browser");
        }
        String probe = resource("/dev/flowfront/benchmarks/probe.js");
        Samples samples = new Samples();
        List<String> failures = new ArrayList<>();
        String browserVersion;
        Path previewLog = work.resolve("logs").resolve("preview.log");
        try (PreviewProcess preview = PreviewProcess.start(previewJar, site, flows, previewLog);
                Playwright playwright =
                        Playwright.create(
                                new Playwright.CreateOptions()
                                        .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
                Browser browser = launch(playwright)) {
            browserVersion = browser.version();
            // Round 0 warms up the preview server's JVM and Chromium and is not recorded.
            for (int round = 0; round <= rounds; round++) {
                for (SyntheticApp app : apps) {
                    try {
                        AppRun run = measureApp(browser, probe, preview.url() + app.pagePath());
                        if (round > 0) {
                            samples.add(run);
                        }
                    } catch (PlaywrightException | IllegalStateException e) {
                        failures.add(app.pagePath() + ": " + summary(e.getMessage()));
                    }
                }
            }
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("chromium", browserVersion);
        result.put("apps", apps.stream().map(SyntheticApp::pagePath).toList());
        result.put("rounds", rounds);
        samples.putInto(result);
        result.put("failures", failures);
        return result;
    }

    private static Browser launch(Playwright playwright) {
        return playwright
                .chromium()
                .launch(
                        new BrowserType.LaunchOptions()
                                .setHeadless(true)
                                .setExecutablePath(Paths.get("/usr/bin/chromium"))
                                .setArgs(CHROMIUM_ARGS));
    }

    /** The recorded figures of every measured app run. */
    private static final class Samples {
        private final List<Double> openTti = new ArrayList<>();
        private final List<Double> cachedOpenTti = new ArrayList<>();
        private final List<Double> openDomContentLoaded = new ArrayList<>();
        private final List<Double> openResponseStart = new ArrayList<>();
        private final List<Double> finishedTti = new ArrayList<>();
        private final List<Double> frameToStage = new ArrayList<>();
        private JsonNode marks;
        private String stageSource;

        void add(AppRun run) {
            openTti.add(run.openTti());
            cachedOpenTti.add(run.cachedOpenTti());
            openDomContentLoaded.add(run.openDomContentLoaded());
            openResponseStart.add(run.openResponseStart());
            finishedTti.add(run.finishedTti());
            frameToStage.addAll(run.frameToStage());
            if (marks == null && !run.marks().isEmpty()) {
                marks = run.marks();
            }
            if (stageSource == null) {
                stageSource = run.stageSource();
            }
        }

        void putInto(Map<String, Object> result) {
            put(result, "openTimeToInteractiveMillis", openTti);
            put(result, "openResponseStartMillis", openResponseStart);
            put(result, "openDomContentLoadedMillis", openDomContentLoaded);
            put(result, "cachedOpenTimeToInteractiveMillis", cachedOpenTti);
            put(result, "finishedExecutionTimeToInteractiveMillis", finishedTti);
            put(result, "streamFrameToStageMillis", frameToStage);
            // The marks of one page load, as an example of what the runtime sets.
            result.put("runtimeMarks", marks == null ? List.of() : marks);
            // "mark" when stages were timed by the runtime's marks, "section" when by the probe.
            result.put("stageSource", stageSource);
        }

        private static void put(Map<String, Object> result, String key, List<Double> values) {
            result.put(key, values.isEmpty() ? null : Stats.summary(values));
        }
    }

    /**
     * Returns the message without Playwright's call log, on one line and at most 400 characters.
     */
    private static String summary(String message) {
        String text = message == null ? "" : message.split("\\n\\s*Call log:")[0];
        text = text.replaceAll("\\s+", " ").strip();
        return text.length() > 400 ? text.substring(0, 400) + "..." : text;
    }

    /** The figures of one app in one round. */
    private record AppRun(
            double openTti,
            double cachedOpenTti,
            double openDomContentLoaded,
            double openResponseStart,
            double finishedTti,
            List<Double> frameToStage,
            JsonNode marks,
            String stageSource) {}

    /** Waits for a condition, and on a timeout throws with what the probe saw so far. */
    private static void waitFor(Page page, String what, String condition, Object argument) {
        try {
            page.waitForFunction(
                    condition, argument, new Page.WaitForFunctionOptions().setTimeout(WAIT_MILLIS));
        } catch (PlaywrightException e) {
            String seen;
            try {
                JsonNode collected = collect(page);
                Object errors =
                        page.evaluate(
                                "() => [...document.querySelectorAll('[data-ff-error-for]:not([hidden]),"
                                        + " [role=alert]')].map(e => (e.dataset.ffErrorFor || '') + ': '"
                                        + " + e.textContent.trim()).filter(t => t.length > 2).join('; ')");
                seen =
                        "stages shown "
                                + collected.get("shown")
                                + ", "
                                + collected.get("chunks").size()
                                + " stream chunks, messages on the page: "
                                + errors;
            } catch (PlaywrightException | IllegalStateException inner) {
                seen = "the probe could not be read";
            }
            throw new IllegalStateException(
                    "Timed out waiting for " + what + " on " + page.url() + "; " + seen, e);
        }
    }

    private AppRun measureApp(Browser browser, String probe, String url) {
        double openTti;
        double cachedOpenTti;
        double domContentLoaded;
        double responseStart;
        JsonNode marks;
        String stageSource;
        List<Double> delays = new ArrayList<>();
        String executionId;
        String finalStage;
        try (BrowserContext context = browser.newContext()) {
            context.addInitScript(probe);
            Page page = context.newPage();
            // A first request to the origin starts the renderer process and the connection, so
            // that the measured load pays only for the page. The path does not exist, so nothing
            // of the page gets cached.
            page.navigate(URI.create(url).resolve("/flowfront-benchmark-warm-up").toString());
            page.navigate(url);
            waitFor(
                    page,
                    "the OPEN stage",
                    "() => window.__flowfrontProbe.stages().some(s => s.stage === 'OPEN')",
                    null);
            JsonNode open = collect(page);
            openTti = firstShown(open, "OPEN");
            domContentLoaded = open.at("/nav/domContentLoadedEventEnd").asDouble();
            responseStart = open.at("/nav/responseStart").asDouble();
            marks = open.get("marks");
            stageSource = open.get("stageSource").asText();

            // A second visit: the script and stylesheet now come from the HTTP cache.
            page.navigate(url);
            waitFor(
                    page,
                    "the OPEN stage on the second visit",
                    "() => window.__flowfrontProbe.stages().some(s => s.stage === 'OPEN')",
                    null);
            cachedOpenTti = firstShown(collect(page), "OPEN");

            double clicked = ((Number) page.evaluate("() => performance.now()")).doubleValue();
            page.click("[data-ff-action=create]");
            waitFor(
                    page,
                    "the end of the event stream after submitting",
                    "() => window.__flowfrontProbe.chunks.some(c => /(^|\\n)id: ?end/.test(c.text))",
                    null);
            // The runtime renders the last frame's stage at the next animation frame and may
            // fetch the execution once more, so wait until the network is idle.
            page.waitForLoadState(LoadState.NETWORKIDLE);
            JsonNode submitted = collect(page);
            delays.addAll(frameToStage(submitted, clicked));
            finalStage = lastShown(submitted);
            executionId = executionId(page.url());
        }
        double finishedTti;
        try (BrowserContext context = browser.newContext()) {
            context.addInitScript(probe);
            Page page = context.newPage();
            page.navigate(url + "?execution=" + executionId);
            waitFor(
                    page,
                    "the " + finalStage + " stage of the finished execution",
                    "stage => window.__flowfrontProbe.stages().some(s => s.stage === stage)",
                    finalStage);
            finishedTti = firstShown(collect(page), finalStage);
        }
        return new AppRun(
                openTti,
                cachedOpenTti,
                domContentLoaded,
                responseStart,
                finishedTti,
                delays,
                marks,
                stageSource);
    }

    /**
     * For each stage shown after {@code since} that follows a stream chunk which arrived after the
     * previous stage change, the time from that chunk to the change.
     */
    static List<Double> frameToStage(JsonNode collected, double since) {
        List<Double> delays = new ArrayList<>();
        double previousChange = since;
        for (JsonNode shown : collected.get("shown")) {
            double changed = shown.get("t").asDouble();
            if (changed <= since) {
                continue;
            }
            double lastChunk = Double.NaN;
            for (JsonNode chunk : collected.get("chunks")) {
                double arrived = chunk.get("t").asDouble();
                if (arrived > previousChange && arrived <= changed) {
                    lastChunk = arrived;
                }
            }
            if (!Double.isNaN(lastChunk)) {
                delays.add(changed - lastChunk);
            }
            previousChange = changed;
        }
        return delays;
    }

    private static double firstShown(JsonNode collected, String stage) {
        for (JsonNode shown : collected.get("shown")) {
            if (shown.get("stage").asText().equals(stage)) {
                return shown.get("t").asDouble();
            }
        }
        throw new IllegalStateException("Stage " + stage + " was never shown");
    }

    private static String lastShown(JsonNode collected) {
        JsonNode shown = collected.get("shown");
        if (shown.isEmpty()) {
            throw new IllegalStateException("No stage was shown");
        }
        return shown.get(shown.size() - 1).get("stage").asText();
    }

    private static String executionId(String pageUrl) {
        String query = URI.create(pageUrl).getRawQuery();
        if (query != null) {
            for (String pair : query.split("&")) {
                if (pair.startsWith("execution=")) {
                    return URLDecoder.decode(
                            pair.substring("execution=".length()), StandardCharsets.UTF_8);
                }
            }
        }
        throw new IllegalStateException("The page URL has no execution parameter: " + pageUrl);
    }

    private static JsonNode collect(Page page) {
        try {
            return Results.mapper().readTree((String) page.evaluate(COLLECT));
        } catch (IOException e) {
            throw new IllegalStateException("The probe returned invalid JSON", e);
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = BrowserBenchmark.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("Missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
