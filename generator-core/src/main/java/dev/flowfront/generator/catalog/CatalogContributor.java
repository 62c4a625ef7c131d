package dev.flowfront.generator.catalog;

import dev.flowfront.generator.api.CompileOptions;
import dev.flowfront.generator.api.ProblemCollector;
import dev.flowfront.generator.definition.AppDefinition;
import dev.flowfront.generator.render.RenderedPage;
import dev.flowfront.generator.site.SiteContent;
import dev.flowfront.generator.site.SiteContributor;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Adds the catalog ({@code index.html}), the manifest ({@code apps.json}) and their assets to a
 * site build, linking each app to its rendered page. An app without a rendered page is left out,
 * such as the second app of a duplicated namespace and id, which the compiler skips too.
 */
public final class CatalogContributor implements SiteContributor {

    private final Clock clock;

    /** Creates a contributor that decides expiration by the system clock. */
    public CatalogContributor() {
        this(Clock.systemUTC());
    }

    /** Creates a contributor that decides expiration by the given clock, for tests. */
    public CatalogContributor(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void contribute(
            List<AppDefinition> apps,
            List<RenderedPage> pages,
            CompileOptions options,
            SiteContent site,
            ProblemCollector problems) {
        Map<String, String> urls = new HashMap<>();
        for (RenderedPage page : pages) {
            urls.put(key(page.namespace(), page.appId()), page.url());
        }
        List<CatalogApp> entries = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (AppDefinition app : apps) {
            String key = key(app.namespace(), app.id());
            String url = urls.get(key);
            if (url != null && seen.add(key)) {
                entries.add(new CatalogApp(app, url));
            }
        }
        CatalogOutput output =
                new CatalogRenderer(clock)
                        .render(
                                entries,
                                options.branding(),
                                options.namespaceFilesDirectory(),
                                site,
                                problems);
        output.files().forEach(site::put);
    }

    private static String key(String namespace, String id) {
        return namespace + "/" + id;
    }
}
