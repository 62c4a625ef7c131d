package dev.flowfront.preview.hostile;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Watches a browser context for any sign that injected markup ran: a dialog, a navigation away from
 * the page under test, {@code window.__ffxss} set, a request to a host other than 127.0.0.1 (which
 * is also aborted, so no traffic leaves the machine), or a CSP violation event.
 */
final class XssProbe {

    /** Runs before any page script; records CSP violations in the page. */
    private static final String HOOK =
            "window.__ffViolations = [];"
                    + " document.addEventListener('securitypolicyviolation', (event) =>"
                    + " window.__ffViolations.push(event.violatedDirective + ' '"
                    + " + event.blockedURI), true);";

    private final List<String> hits = Collections.synchronizedList(new ArrayList<>());
    private volatile String expectedPath = "";

    XssProbe(BrowserContext context, Page page) {
        context.addInitScript(HOOK);
        context.route("**/*", this::routeRequest);
        page.onDialog(
                dialog -> {
                    hits.add("dialog " + dialog.type() + ": " + dialog.message());
                    dialog.dismiss();
                });
        page.onFrameNavigated(
                frame -> {
                    if (frame != page.mainFrame()) {
                        return;
                    }
                    URI url = URI.create(frame.url());
                    if (!"127.0.0.1".equals(url.getHost()) || !url.getPath().equals(expectedPath)) {
                        hits.add("navigation to " + frame.url());
                    }
                });
    }

    private void routeRequest(Route route) {
        String url = route.request().url();
        String host = URI.create(url).getHost();
        if ("127.0.0.1".equals(host)) {
            route.resume();
        } else {
            hits.add("request to " + url);
            route.abort();
        }
    }

    /** Loads the page and waits until the runtime booted and images settled. */
    void open(Page page, URI url) {
        expectedPath = url.getPath();
        page.navigate(url.toString());
        page.waitForFunction("() => document.readyState === 'complete'");
    }

    /** Returns the new signs of execution on the page, and forgets them. */
    List<String> collect(Page page, String where) {
        List<String> found = new ArrayList<>();
        Object marker = page.evaluate("() => window.__ffxss");
        if (marker != null) {
            found.add("window.__ffxss = " + marker);
        }
        @SuppressWarnings("unchecked")
        List<Object> violations =
                (List<Object>) page.evaluate("() => window.__ffViolations.splice(0)");
        violations.forEach(violation -> found.add("CSP violation " + violation));
        synchronized (hits) {
            found.addAll(hits);
            hits.clear();
        }
        return found.stream().map(hit -> where + ": " + hit).toList();
    }
}
