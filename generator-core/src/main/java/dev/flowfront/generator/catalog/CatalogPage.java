package dev.flowfront.generator.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.flowfront.generator.api.GeneratorException;
import dev.flowfront.generator.definition.AppDefinition;
import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Fills {@code catalog.peb}, and {@code catalog/tile.peb} for each tile. The templates receive
 * plain maps and lists, so they depend on no Java type. Pebble HTML-escapes every value except the
 * description, which is already sanitized.
 *
 * <p>The tiles of the last render are kept by their data, so a rebuild after one app changed
 * renders one tile. Thread-safe.
 */
final class CatalogPage {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Comparator<String> TAG_ORDER =
            String.CASE_INSENSITIVE_ORDER.thenComparing(Comparator.naturalOrder());

    private final PebbleTemplate template;
    private final PebbleTemplate tileTemplate;

    /** The HTML of each tile of the last render, by the tile's data. */
    private volatile Map<Map<String, Object>, String> lastTiles = Map.of();

    CatalogPage() {
        ClasspathLoader loader = new ClasspathLoader(CatalogPage.class.getClassLoader());
        loader.setPrefix("dev/flowfront/templates");
        PebbleEngine engine =
                new PebbleEngine.Builder()
                        .loader(loader)
                        .autoEscaping(true)
                        .strictVariables(true)
                        .newLineTrimming(true)
                        .build();
        this.template = engine.getTemplate("catalog.peb");
        this.tileTemplate = engine.getTemplate("catalog/tile.peb");
    }

    /**
     * The page's data.
     *
     * @param title the catalog's title
     * @param bannerPath the sanitized banner's path, or null
     * @param stylesheets stylesheets in link order
     * @param script the filter script
     * @param tiles listed apps, in display order
     */
    record Model(
            String title,
            String bannerPath,
            List<LinkedAsset> stylesheets,
            LinkedAsset script,
            List<Tile> tiles) {}

    /**
     * One listed app.
     *
     * @param entry the app and its page URL
     * @param description the app's description, rendered for the tile
     * @param thumbnailPath the stored thumbnail or placeholder
     * @param number 1-based position, used for element ids
     */
    record Tile(CatalogApp entry, TileDescription description, String thumbnailPath, int number) {}

    String render(Model model) {
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("title", model.title());
        context.put("banner", model.bannerPath());
        context.put("contentSecurityPolicy", CatalogRenderer.CONTENT_SECURITY_POLICY);
        context.put("stylesheets", model.stylesheets().stream().map(CatalogPage::link).toList());
        context.put("script", link(model.script()));
        Map<Map<String, Object>, String> previous = lastTiles;
        Map<Map<String, Object>, String> current = new HashMap<>();
        List<String> tiles = new ArrayList<>();
        TreeSet<String> namespaces = new TreeSet<>();
        TreeSet<String> tags = new TreeSet<>(TAG_ORDER);
        for (Tile tile : model.tiles()) {
            Map<String, Object> data = tile(tile);
            String html = previous.get(data);
            if (html == null) {
                html = evaluate(tileTemplate, Map.of("tile", data));
            }
            current.put(data, html);
            tiles.add(html);
            namespaces.add(tile.entry().app().namespace());
            tags.addAll(tile.entry().app().tags());
        }
        lastTiles = current;
        context.put("tiles", tiles);
        context.put("namespaces", List.copyOf(namespaces));
        context.put("tags", List.copyOf(tags));
        return evaluate(template, context);
    }

    private static String evaluate(PebbleTemplate template, Map<String, Object> context) {
        StringWriter html = new StringWriter();
        try {
            template.evaluate(html, context);
        } catch (IOException | PebbleException e) {
            throw new GeneratorException(
                    "Cannot render the catalog template " + template.getName(), e);
        }
        return html.toString();
    }

    private static Map<String, Object> link(LinkedAsset asset) {
        return Map.of("path", asset.path(), "integrity", asset.integrity());
    }

    private static Map<String, Object> tile(Tile tile) {
        AppDefinition app = tile.entry().app();
        TileDescription description = tile.description();
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("domId", "ff-app-" + tile.number());
        model.put("id", app.id());
        model.put("namespace", app.namespace());
        model.put("title", app.title());
        model.put("url", tile.entry().url());
        model.put("thumbnail", tile.thumbnailPath());
        model.put("access", app.access().type().name());
        model.put("descriptionHtml", description.html());
        model.put("preview", description.preview());
        model.put("tags", app.tags());
        model.put("tagsJson", json(app.tags()));
        model.put(
                "startDate",
                instant(app.expiration() == null ? null : app.expiration().startDate()));
        model.put("endDate", instant(app.expiration() == null ? null : app.expiration().endDate()));
        model.put(
                "searchText",
                String.join(" ", app.title(), description.text(), String.join(" ", app.tags())));
        return model;
    }

    private static String instant(Instant instant) {
        return instant == null ? "" : instant.toString();
    }

    private static String json(List<String> values) {
        try {
            return JSON.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new GeneratorException("Cannot write tags as JSON", e);
        }
    }
}
