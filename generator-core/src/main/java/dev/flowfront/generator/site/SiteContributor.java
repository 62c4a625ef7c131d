package dev.flowfront.generator.site;

import dev.flowfront.generator.api.CompileOptions;
import dev.flowfront.generator.api.ProblemCollector;
import dev.flowfront.generator.definition.AppDefinition;
import dev.flowfront.generator.render.RenderedPage;
import java.util.List;

/**
 * Adds site-wide files after the app pages are rendered, such as the catalog and the apps manifest.
 * Runs in {@code validate} too, so its problems are reported without writing.
 */
public interface SiteContributor {

    /**
     * Adds files to the site.
     *
     * @param apps every app that loaded, in file order
     * @param pages the rendered app pages, sorted by path
     * @param site the files written when the build has no ERROR; also the asset sink for images
     * @param problems where to report mistakes in the input, such as a missing thumbnail
     */
    void contribute(
            List<AppDefinition> apps,
            List<RenderedPage> pages,
            CompileOptions options,
            SiteContent site,
            ProblemCollector problems);
}
