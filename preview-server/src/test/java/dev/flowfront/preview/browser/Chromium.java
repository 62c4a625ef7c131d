package dev.flowfront.preview.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

/**
 * Debian's Chromium driven by Playwright, headless, launched once per test class. Playwright
 * downloads no browser of its own ({@code PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD}).
 */
public final class Chromium implements AutoCloseable {

    private static final List<String> ARGS =
            List.of(
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync");

    private final Playwright playwright;
    private final Browser browser;

    private Chromium(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    public static Chromium launch() {
        Playwright playwright =
                Playwright.create(
                        new Playwright.CreateOptions()
                                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        Browser browser =
                playwright
                        .chromium()
                        .launch(
                                new BrowserType.LaunchOptions()
                                        .setExecutablePath(Paths.get("/usr/bin/chromium"))
                                        .setHeadless(true)
                                        .setArgs(ARGS));
        return new Chromium(playwright, browser);
    }

    /** Opens a page in a fresh context whose clock runs in the given IANA time zone. */
    public CheckedPage open(String timezoneId) {
        return new CheckedPage(
                browser.newContext(
                        new Browser.NewContextOptions()
                                .setTimezoneId(timezoneId)
                                .setLocale("en-US")
                                .setAcceptDownloads(true)));
    }

    public CheckedPage open() {
        return open("UTC");
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
