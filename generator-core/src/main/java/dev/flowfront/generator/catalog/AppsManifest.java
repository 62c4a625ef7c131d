package dev.flowfront.generator.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.flowfront.generator.api.GeneratorException;
import dev.flowfront.generator.definition.AppDefinition;
import dev.flowfront.generator.definition.Expiration;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes {@code apps.json}: every app of the site, listed in the catalog or not, in the order the
 * caller gives (namespace, then id). Keys are sorted and lines end with LF, so the same apps give
 * the same bytes.
 *
 * <pre>{@code
 * {"apps": [{"access": {"catalog": true, "groups": [], "type": "PUBLIC"},
 *            "description": "...", "disabled": false, "displayName": "...",
 *            "expiration": {"endDate": "2026-12-31T23:59:59Z", "startDate": null} | null,
 *            "flow": {"id": "myflow", "namespace": "company.team", "revision": null},
 *            "id": "...", "namespace": "...", "tags": [], "url": "apps/company.team/x/"}]}
 * }</pre>
 */
final class AppsManifest {

    private static final ObjectWriter WRITER = writer();

    private AppsManifest() {}

    static byte[] write(List<CatalogApp> apps) {
        List<Map<String, Object>> entries = new ArrayList<>();
        for (CatalogApp entry : apps) {
            entries.add(describe(entry));
        }
        Map<String, Object> root = new TreeMap<>();
        root.put("apps", entries);
        try {
            return (WRITER.writeValueAsString(root) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new GeneratorException("Cannot write apps.json", e);
        }
    }

    private static Map<String, Object> describe(CatalogApp entry) {
        AppDefinition app = entry.app();
        Map<String, Object> access = new TreeMap<>();
        access.put("type", app.access().type().name());
        access.put("catalog", app.access().catalog());
        access.put("groups", app.access().groups());
        Map<String, Object> flow = new TreeMap<>();
        flow.put("namespace", app.namespace());
        flow.put("id", app.flowId());
        flow.put("revision", app.flowRevision());
        Map<String, Object> json = new TreeMap<>();
        json.put("id", app.id());
        json.put("namespace", app.namespace());
        json.put("displayName", app.displayName());
        json.put("description", app.description());
        json.put("tags", app.tags());
        json.put("access", access);
        json.put("disabled", app.disabled());
        json.put("expiration", expiration(app.expiration()));
        json.put("flow", flow);
        json.put("url", entry.url());
        return json;
    }

    private static Map<String, Object> expiration(Expiration expiration) {
        if (expiration == null) {
            return null;
        }
        Map<String, Object> json = new TreeMap<>();
        json.put("startDate", text(expiration.startDate()));
        json.put("endDate", text(expiration.endDate()));
        return json;
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static ObjectWriter writer() {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter printer =
                new DefaultPrettyPrinter()
                        .withSeparators(
                                Separators.createDefaultInstance()
                                        .withObjectFieldValueSpacing(Separators.Spacing.AFTER));
        printer.indentObjectsWith(indenter);
        printer.indentArraysWith(indenter);
        return JsonMapper.builder()
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .build()
                .writer(printer);
    }
}
