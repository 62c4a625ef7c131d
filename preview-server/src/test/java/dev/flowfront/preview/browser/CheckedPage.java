package dev.flowfront.preview.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser page that records what a user would never see but a broken page produces: Content
 * Security Policy violations, console errors and uncaught exceptions. A test that expects an error
 * (a 503 the runtime retries, a 422 it shows next to a field) allows it by pattern.
 */
public final class CheckedPage implements AutoCloseable {

    private static final String VIOLATION_LISTENER =
            "document.addEventListener('securitypolicyviolation', (event) =>"
                    + " console.error('CSP violation: ' + event.violatedDirective + ' blocked '"
                    + " + event.blockedURI));";

    /** Records each stage the runtime announces through its {@code flowfront:stage} event. */
    private static final String STAGE_RECORDER =
            "window.__flowfrontStages = [];"
                    + " document.addEventListener('flowfront:stage', (event) =>"
                    + " window.__flowfrontStages.push(event.detail.stage));";

    private final BrowserContext context;
    private final Page page;
    private final List<String> problems = Collections.synchronizedList(new ArrayList<>());
    private final List<Pattern> allowed = Collections.synchronizedList(new ArrayList<>());

    CheckedPage(BrowserContext context) {
        this.context = context;
        // Tests talk only to servers on this machine: links and redirects to other hosts stop here.
        context.route(url -> !url.startsWith("http://127.0.0.1:"), route -> route.abort());
        context.addInitScript(VIOLATION_LISTENER);
        context.addInitScript(STAGE_RECORDER);
        this.page = context.newPage();
        page.setDefaultTimeout(15_000);
        page.onConsoleMessage(
                message -> {
                    String text = message.text() + " at " + message.location();
                    if (message.type().equals("error") && !isAllowed(text)) {
                        problems.add("console error: " + text);
                    }
                });
        page.onPageError(error -> problems.add("uncaught error: " + error));
    }

    public Page page() {
        return page;
    }

    public BrowserContext context() {
        return context;
    }

    /** Returns the stages the page showed since it was last loaded, in order. */
    @SuppressWarnings("unchecked")
    public List<String> stagesSeen() {
        return (List<String>) page.evaluate("() => window.__flowfrontStages || []");
    }

    /** Accepts console errors matching the pattern, for failures the test provokes on purpose. */
    public void allowConsoleError(String regex) {
        allowed.add(Pattern.compile(regex));
    }

    private boolean isAllowed(String text) {
        // Chromium requests /favicon.ico from every origin by itself, and pages declare no icon.
        if (text.startsWith("Failed to load resource") && text.contains("/favicon.ico")) {
            return true;
        }
        synchronized (allowed) {
            return allowed.stream().anyMatch(pattern -> pattern.matcher(text).find());
        }
    }

    /** Asserts that no CSP violation, console error or uncaught error happened so far. */
    public void assertNoProblems() {
        synchronized (problems) {
            assertThat(problems).as("CSP violations, console errors and page errors").isEmpty();
        }
    }

    /** Runs axe-core on the page as shown now and asserts that it finds no violation. */
    public void assertAccessible(String where) {
        AxeResults results = new AxeBuilder(page).analyze();
        List<Rule> violations = results.getViolations();
        String report =
                violations.stream()
                        .map(
                                rule ->
                                        rule.getId()
                                                + " ("
                                                + rule.getHelp()
                                                + ") at "
                                                + rule.getNodes().stream()
                                                        .map(
                                                                node ->
                                                                        String.valueOf(
                                                                                node.getTarget()))
                                                        .collect(Collectors.joining(", ")))
                        .collect(Collectors.joining("\n"));
        assertThat(violations).as("axe-core violations on %s:%n%s", where, report).isEmpty();
    }

    @Override
    public void close() {
        try {
            // Streams and routed requests still in flight can race the context's teardown in
            // Playwright ("Target page, context or browser has been closed"), so the page is
            // left first: the runtime closes its streams on pagehide.
            page.unrouteAll();
            page.navigate("about:blank");
        } catch (PlaywrightException e) {
            // The page is being torn down anyway; the context close below still runs.
        }
        context.close();
    }
}
