package dev.flowfront.generator.api;

import dev.flowfront.generator.definition.AppDefinition;
import dev.flowfront.generator.definition.FlowDefinition;
import dev.flowfront.generator.yaml.YamlMap;
import dev.flowfront.generator.yaml.YamlNode;
import dev.flowfront.generator.yaml.YamlScalar;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Copies of definitions that a build keeps for every app and flow of the site, for the checks that
 * span apps and for the catalog. A full definition with its YAML tree takes about 30 KB for a
 * synthetic app or flow of 4 to 8 KB of YAML, so a build of 10,000 apps cannot keep them all.
 *
 * <p>A summary keeps every top-level field, the layout and tasks left out. Its YAML document keeps
 * only the top-level scalars, so {@code valueLocation(key)} of a scalar key such as {@code id},
 * {@code flowId} or {@code thumbnail} gives what the full document gives, and that of a list or map
 * gives the document's start.
 */
final class Summaries {

    private Summaries() {}

    static AppDefinition of(AppDefinition app) {
        return new AppDefinition(
                app.id(),
                app.type(),
                app.displayName(),
                app.description(),
                app.namespace(),
                app.flowId(),
                app.flowRevision(),
                app.executionId(),
                app.tags(),
                app.thumbnail(),
                app.access(),
                app.disabled(),
                app.expiration(),
                List.of(),
                app.defaultLayout(),
                app.file(),
                app.displayPath(),
                topLevel(app.source()));
    }

    static FlowDefinition of(FlowDefinition flow) {
        return new FlowDefinition(
                flow.id(),
                flow.namespace(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                flow.file(),
                flow.displayPath(),
                topLevel(flow.source()));
    }

    private static YamlMap topLevel(YamlMap source) {
        Map<String, YamlNode> entries = new LinkedHashMap<>();
        Map<String, SourceLocation> keyLocations = new LinkedHashMap<>();
        for (Map.Entry<String, YamlNode> entry : source.entries().entrySet()) {
            if (entry.getValue() instanceof YamlScalar) {
                entries.put(entry.getKey(), entry.getValue());
                keyLocations.put(entry.getKey(), source.keyLocation(entry.getKey()));
            }
        }
        return new YamlMap(entries, keyLocations, source.location());
    }
}
