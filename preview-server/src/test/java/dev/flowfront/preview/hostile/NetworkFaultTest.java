package dev.flowfront.preview.hostile;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions;
import dev.flowfront.generator.api.AuthMode;
import dev.flowfront.preview.PreviewServer;
import dev.flowfront.preview.browser.CheckedPage;
import dev.flowfront.preview.browser.Chromium;
import dev.flowfront.preview.simulator.Faults;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Network faults during a real compiled page's journey against the preview server: each ends in the
 * right stage, with exactly one execution created and every typed value kept.
 */
class NetworkFaultTest {

    private static final dev.flowfront.preview.simulator.Route CREATE =
            dev.flowfront.preview.simulator.Route.CREATE_EXECUTION;
    private static final dev.flowfront.preview.simulator.Route FOLLOW =
            dev.flowfront.preview.simulator.Route.FOLLOW_EXECUTION;
    private static final dev.flowfront.preview.simulator.Route RESUME =
            dev.flowfront.preview.simulator.Route.RESUME;

    private static final String CUSTOMER = "Ada Lovelace";
    private static final String QUANTITY = "3";

    @TempDir static Path work;

    private static PreviewServer server;
    private static Chromium browser;
    private static int faultsInjected;

    private CheckedPage tab;
    private Page page;
    private int executionsBefore;

    @BeforeAll
    static void start() throws IOException {
        Path site = FaultSite.build(work, AuthMode.NONE);
        server =
                PreviewServer.builder()
                        .site(site)
                        .flows(work.resolve("flows"))
                        .port(0)
                        .speed(4)
                        .start();
        browser = Chromium.launch();
    }

    @AfterAll
    static void stop() {
        System.out.printf(
                "Network faults: %d injected in the tests of this class%n", faultsInjected);
        browser.close();
        server.close();
    }

    @BeforeEach
    void openTab() {
        server.faults().reset();
        executionsBefore = server.simulator().executionIds().size();
        tab = browser.open();
        page = tab.page();
        // The runtime logs each failure it survives or reports; those are the point here.
        tab.allowConsoleError("Flowfront: ");
        tab.allowConsoleError("Failed to load resource");
    }

    @AfterEach
    void closeTab() {
        try {
            tab.assertNoProblems();
        } finally {
            tab.close();
        }
    }

    private Faults faults() {
        return server.faults();
    }

    private Locator stage(String name) {
        return page.locator("section[data-ff-stage=\"" + name + "\"]");
    }

    private String pageUrl(String app) {
        return server.url().resolve("apps/faults/" + app + "/index.html").toString();
    }

    private void fillOrder(String app) {
        page.navigate(pageUrl(app));
        assertThat(stage("OPEN")).isVisible();
        page.locator("[name=customer]").fill(CUSTOMER);
        if (app.equals("order")) {
            page.locator("[name=quantity]").fill(QUANTITY);
        }
    }

    private void submit() {
        page.locator("[data-ff-action=create]").click();
    }

    private int executionsCreated() {
        return server.simulator().executionIds().size() - executionsBefore;
    }

    /** Checks the values the execution received, as the SUCCESS stage shows them. */
    private void assertSucceededWithTypedValues() {
        assertThat(stage("SUCCESS")).isVisible();
        assertThat(stage("SUCCESS").locator("[data-ff-value-for=customer]")).hasText(CUSTOMER);
        assertThat(stage("SUCCESS").locator("[data-ff-value-for=quantity]")).hasText(QUANTITY);
        assertThat(executionsCreated()).isEqualTo(1);
    }

    private void assertFormKeptValues() {
        assertThat(stage("OPEN")).isVisible();
        assertThat(page.locator("[name=customer]")).hasValue(CUSTOMER);
        assertThat(page.locator("[name=quantity]")).hasValue(QUANTITY);
    }

    private String executionId() {
        return server.simulator().executionIds().stream()
                .filter(id -> page.url().contains(id))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void networkDownAtSubmitRecoversWhenBack() {
        fillOrder("order");
        AtomicBoolean failed = new AtomicBoolean();
        page.onRequestFailed(request -> failed.set(true));
        tab.context().setOffline(true);
        faultsInjected++;

        submit();
        page.waitForCondition(failed::get);
        tab.context().setOffline(false);

        assertSucceededWithTypedValues();
    }

    @Test
    void networkDownThroughRetriesShowsErrorThenResubmits() {
        fillOrder("order");
        tab.context().setOffline(true);
        faultsInjected++;

        submit();
        assertThat(stage("ERROR")).isVisible(new IsVisibleOptions().setTimeout(20_000));
        assertThat(stage("ERROR")).containsText("cannot reach Kestra");
        assertThat(executionsCreated()).isZero();
        tab.context().setOffline(false);
        stage("ERROR").locator("[data-ff-action=retry]").click();
        assertFormKeptValues();
        submit();

        assertSucceededWithTypedValues();
    }

    @Test
    void serverErrorsAtSubmitAreRetried() {
        fillOrder("order");
        faults().statuses(CREATE, 500, 503);
        faultsInjected += 2;

        submit();

        assertSucceededWithTypedValues();
        assertThat(faults().requestCount(CREATE)).isEqualTo(3);
    }

    @Test
    void tooManyRequestsWaitsForRetryAfter() {
        fillOrder("order");
        List<Long> attempts = new CopyOnWriteArrayList<>();
        page.route(
                url -> url.contains("/api/v1/main/executions/faults/order?"),
                route -> {
                    attempts.add(System.nanoTime());
                    if (attempts.size() == 1) {
                        route.fulfill(
                                new Route.FulfillOptions()
                                        .setStatus(429)
                                        .setHeaders(Map.of("Retry-After", "1"))
                                        .setBody(""));
                    } else {
                        route.resume();
                    }
                });
        faultsInjected++;

        submit();

        assertSucceededWithTypedValues();
        assertThat(attempts).hasSize(2);
        assertThat((attempts.get(1) - attempts.get(0)) / 1_000_000)
                .as("milliseconds between the 429 and the retry")
                .isGreaterThanOrEqualTo(950);
    }

    @Test
    void droppedFollowStreamReconnectsToFinalState() {
        fillOrder("order");
        faults().dropFollowAfter(2);
        faultsInjected++;

        submit();

        assertSucceededWithTypedValues();
        assertThat(faults().requestCount(FOLLOW)).isGreaterThanOrEqualTo(2);
    }

    @Test
    void deletedExecutionShowsError() {
        fillOrder("order");
        faults().statuses(FOLLOW, 404);
        faultsInjected++;

        submit();

        assertThat(stage("ERROR")).isVisible();
        assertThat(stage("ERROR")).containsText("no longer exists");
        assertThat(executionsCreated()).isEqualTo(1);
    }

    @Test
    void slowApiTimesOutWithRetryButton() {
        fillOrder("order");
        submit();
        assertSucceededWithTypedValues();
        String url = page.url();
        AtomicInteger held = new AtomicInteger();
        page.clock().install();
        page.route(
                target -> target.contains("/api/v1/main/executions/") && !target.contains("follow"),
                route -> held.incrementAndGet());
        faultsInjected++;

        page.navigate(url);
        page.waitForCondition(() -> held.get() == 1);
        // The runtime waits 30 s per attempt and retries three times with growing delays.
        for (int attempt = 1; attempt <= 4; attempt++) {
            int expected = attempt;
            page.waitForCondition(() -> held.get() >= expected);
            page.clock().runFor(35_000);
        }
        assertThat(stage("ERROR")).isVisible();
        assertThat(stage("ERROR")).containsText("took too long");
        page.unrouteAll();
        stage("ERROR").locator("[data-ff-action=retry]").click();

        assertThat(stage("SUCCESS")).isVisible();
        assertThat(executionsCreated()).isEqualTo(1);
    }

    @Test
    void resumeConflictShowsRealState() throws Exception {
        fillOrder("approval");
        submit();
        assertThat(stage("PAUSE")).isVisible();
        String id = executionId();
        // Reload with the stream held, so the page learns of the other approval only by the 409.
        page.route(target -> target.contains("/follow"), route -> {});
        page.navigate(page.url());
        assertThat(stage("PAUSE")).isVisible();
        resumeAsSomeoneElse(id);
        // The page reads the real state once, after the 409, and its stream is held: wait until
        // that state is final so the outcome does not depend on how fast the flow runs.
        awaitState(id, "SUCCESS");
        faultsInjected++;

        page.locator("[data-ff-action=resume]").click();

        // Three requests in a row (the 409, the execution, then rendering) on a loaded machine
        // took longer than the default five seconds of an assertion.
        assertThat(stage("SUCCESS")).isVisible(new IsVisibleOptions().setTimeout(20_000));
        assertThat(executionsCreated()).isEqualTo(1);
        assertThat(faults().requestCount(RESUME)).isEqualTo(2);
    }

    /** Polls the simulator's API until the execution reaches the state, for at most 20 s. */
    private void awaitState(String id, String state) throws Exception {
        HttpRequest request =
                HttpRequest.newBuilder(URI.create(server.url() + "api/v1/main/executions/" + id))
                        .build();
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
        String body = "";
        while (System.nanoTime() < deadline) {
            body =
                    HttpClient.newHttpClient()
                            .send(request, HttpResponse.BodyHandlers.ofString())
                            .body();
            if (body.contains("\"current\":\"" + state + "\"")) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("execution " + id + " did not reach " + state + ": " + body);
    }

    private void resumeAsSomeoneElse(String id) throws Exception {
        String boundary = "other-approver";
        HttpRequest request =
                HttpRequest.newBuilder(
                                URI.create(
                                        server.url() + "api/v1/main/executions/" + id + "/resume"))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofString("--" + boundary + "--\r\n"))
                        .build();
        HttpResponse<String> response =
                HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
    }
}
