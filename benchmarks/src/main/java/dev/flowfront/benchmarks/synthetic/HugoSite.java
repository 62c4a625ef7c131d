package dev.flowfront.benchmarks.synthetic;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a Hugo site with one Markdown page per synthetic app, as the baseline of the whole-process
 * benchmark. Each page carries the app's Markdown blocks and a table of its form inputs, so pages
 * hold about as much text as the app does; a section page lists every page, as the catalog does.
 */
public final class HugoSite {

    private static final String CONFIG =
            """
            baseURL = "/"
            title = "Synthetic apps"
            disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]
            """;

    private static final String BASEOF =
            """
            <!doctype html>
            <html lang="en">
            <head><meta charset="utf-8"><title>{{ .Title }}</title>
            <meta name="viewport" content="width=device-width, initial-scale=1"></head>
            <body><main>{{ block "main" . }}{{ end }}</main></body>
            </html>
            """;

    private static final String SINGLE =
            """
            {{ define "main" }}<article><h1>{{ .Title }}</h1><p>{{ .Description }}</p>
            {{ .Content }}</article>{{ end }}
            """;

    private static final String LIST =
            """
            {{ define "main" }}<h1>{{ .Site.Title }}</h1><ul>
            {{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a>
            {{ .Description }}</li>{{ end }}</ul>{{ end }}
            """;

    private HugoSite() {}

    /**
     * Writes the site's configuration, layouts and one content page per app under {@code root}.
     *
     * @throws IOException when a file cannot be written
     */
    public static void write(Path root, List<SyntheticApp> apps) throws IOException {
        SyntheticProject.writeString(root.resolve("hugo.toml"), CONFIG);
        Path layouts = root.resolve("layouts").resolve("_default");
        SyntheticProject.writeString(layouts.resolve("baseof.html"), BASEOF);
        SyntheticProject.writeString(layouts.resolve("single.html"), SINGLE);
        SyntheticProject.writeString(layouts.resolve("list.html"), LIST);
        for (SyntheticApp app : apps) {
            // One flat section, like the catalog; dots would read as a language suffix in Hugo.
            String name = app.namespace().replace('.', '-') + "-" + app.appId() + ".md";
            Path page = root.resolve("content").resolve("apps").resolve(name);
            SyntheticProject.writeString(page, page(app));
        }
    }

    static String page(SyntheticApp app) {
        StringBuilder page = new StringBuilder(4096);
        page.append("---\n");
        page.append("title: ").append(YamlText.quote(app.displayName())).append('\n');
        page.append("description: ").append(YamlText.quote(app.flowId())).append('\n');
        page.append("tags: ").append(YamlText.quotedList(app.tags())).append('\n');
        page.append("---\n\n");
        for (String markdown : app.markdown()) {
            page.append(markdown).append('\n');
        }
        page.append("## Form\n\n| Input | Type | Description |\n|---|---|---|\n");
        for (SyntheticInput input : app.inputs()) {
            page.append("| ")
                    .append(input.displayName())
                    .append(" | ")
                    .append(input.type())
                    .append(" | ")
                    .append(input.description())
                    .append(" |\n");
        }
        return page.toString();
    }
}
