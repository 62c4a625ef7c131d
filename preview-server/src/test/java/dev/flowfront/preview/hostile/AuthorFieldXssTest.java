package dev.flowfront.preview.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import dev.flowfront.generator.api.Problem;
import dev.flowfront.preview.PreviewServer;
import dev.flowfront.preview.browser.CheckedPage;
import dev.flowfront.preview.browser.Chromium;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every XSS vector in every author field (app, blocks, flow inputs, branding), compiled by the real
 * compiler and loaded in Chromium under each page's CSP: nothing may run. A field the build rejects
 * with a located error is a safe outcome, counted apart.
 */
class AuthorFieldXssTest {

    @TempDir static Path work;

    private static List<String> vectors;
    private static XssSite site;
    private static PreviewServer server;
    private static Chromium browser;

    @BeforeAll
    static void buildAndServe() throws IOException {
        vectors = XssVectors.all();
        assertThat(vectors).hasSizeGreaterThanOrEqualTo(100);
        site = new XssSite(vectors, work.resolve("input"));
        Path served = Files.createDirectories(work.resolve("served"));
        site.build(served.resolve("site"));
        server = PreviewServer.builder().site(served).flows(site.flowsFolder()).port(0).start();
        browser = Chromium.launch();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void vectorsInAppAndFlowFieldsNeverRun() {
        List<String> executed = new ArrayList<>();
        try (CheckedPage tab = browser.open()) {
            Page page = tab.page();
            XssProbe probe = new XssProbe(tab.context(), page);

            probe.open(page, server.url().resolve("site/index.html"));
            executed.addAll(probe.collect(page, "catalog"));
            for (int index = 0; index < vectors.size(); index++) {
                URI url =
                        server.url()
                                .resolve(
                                        "site/apps/"
                                                + XssSite.NAMESPACE
                                                + "/"
                                                + XssSite.appId(index)
                                                + "/index.html");
                probe.open(page, url);
                page.locator("section[data-ff-stage=OPEN]").waitFor();
                executed.addAll(probe.collect(page, "vector " + index + " " + vectors.get(index)));
            }
            tab.assertNoProblems();
        }

        int fields = XssSite.APP_FIELDS.size() + XssSite.FLOW_FIELDS.size();
        System.out.printf(
                "XSS author fields: %d vectors x %d fields = %d tried, %d executed,"
                        + " %d rejected by the build, %d warnings, %d builds%n",
                vectors.size(),
                fields,
                vectors.size() * fields,
                executed.size(),
                site.rejectedCount(),
                site.warningCount(),
                site.buildCount());
        assertThat(executed).as("signs of executed markup").isEmpty();
    }

    /**
     * A vector with markup either makes the sanitizer warn, or reaches the page as plain text:
     * CommonMark shows an invalid tag such as {@code <img/src/onerror=x>} as text, and the HTML
     * parser drops a stray end tag or a nested {@code <body>}, so nothing is left to remove.
     */
    @Test
    void markupInMarkdownWarnsUnlessShownAsText() throws IOException {
        List<String> silent = new ArrayList<>();
        int rejected = 0;
        int warned = 0;
        int asText = 0;
        int warnings = 0;
        for (int index = 0; index < vectors.size(); index++) {
            String vector = vectors.get(index);
            if (!XssVectors.hasMarkup(vector)) {
                continue;
            }
            List<Problem> problems = site.markdownWarnings(index);
            if (problems == null) {
                rejected++;
            } else if (!problems.isEmpty()) {
                warned++;
                warnings += problems.size();
            } else if (!site.rejected(index, "Markdown content") && isPlainText(index)) {
                asText++;
            } else {
                silent.add(index + ": " + vector);
            }
        }

        System.out.printf(
                "XSS Markdown: %d vectors with markup, %d rejected by the build, %d warned"
                        + " (%d warnings), %d shown as plain text, %d changed without a warning%n",
                rejected + warned + asText + silent.size(),
                rejected,
                warned,
                warnings,
                asText,
                silent.size());
        assertThat(warned).isPositive();
        assertThat(silent).as("Markdown vectors the sanitizer changed without a warning").isEmpty();
    }

    /** Returns whether the app's Markdown block contains only paragraphs, line breaks and text. */
    private static boolean isPlainText(int index) throws IOException {
        Path page =
                work.resolve("served/site/apps")
                        .resolve(XssSite.NAMESPACE)
                        .resolve(XssSite.appId(index))
                        .resolve("index.html");
        Element block = Jsoup.parse(Files.readString(page)).selectFirst("[data-ff-block=Markdown]");
        assertThat(block).as("Markdown block of %s", page).isNotNull();
        return block.children().select("*").stream()
                .allMatch(
                        element ->
                                Set.of("p", "br", "span").contains(element.normalName())
                                        && element.attributes().asList().stream()
                                                .allMatch(
                                                        attribute ->
                                                                attribute
                                                                        .getKey()
                                                                        .startsWith("data-ff-")));
    }

    @Test
    void vectorsInBrandingTitleNeverRun() throws IOException {
        List<String> executed = new ArrayList<>();
        int rejected = 0;
        Path served = work.resolve("served");
        try (CheckedPage tab = browser.open()) {
            Page page = tab.page();
            XssProbe probe = new XssProbe(tab.context(), page);
            for (int index = 0; index < vectors.size(); index++) {
                String folder = "brand" + index;
                if (!site.buildWithTitle(vectors.get(index), served.resolve(folder))) {
                    rejected++;
                    continue;
                }
                probe.open(page, server.url().resolve(folder + "/index.html"));
                executed.addAll(probe.collect(page, "title " + index + " " + vectors.get(index)));
            }
            tab.assertNoProblems();
        }

        System.out.printf(
                "XSS branding title: %d tried, %d executed, %d rejected by the build%n",
                vectors.size(), executed.size(), rejected);
        assertThat(executed).as("signs of executed markup").isEmpty();
    }
}
