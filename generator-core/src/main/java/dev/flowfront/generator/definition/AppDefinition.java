package dev.flowfront.generator.definition;

import dev.flowfront.generator.api.SourceLocation;
import dev.flowfront.generator.yaml.YamlMap;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A Kestra App: the frontend of one flow, compiled into one page.
 *
 * @param id the app id, unique in its namespace
 * @param type the app type, {@code io.kestra.plugin.ee.apps.Execution}
 * @param flowRevision the flow revision executions are created with, or null for the latest
 * @param executionId an execution the page always shows, or null
 * @param thumbnail an {@code nsfiles:///} URI, or null
 * @param expiration null when the app never expires
 * @param layout the stages in YAML order; Kestra's default layout when the YAML has none
 * @param defaultLayout whether {@code layout} was absent and the default was used
 * @param file the file it was read from
 * @param displayPath the file as problems show it
 * @param source the whole YAML document
 */
public record AppDefinition(
        String id,
        String type,
        String displayName,
        String description,
        String namespace,
        String flowId,
        Integer flowRevision,
        String executionId,
        List<String> tags,
        String thumbnail,
        Access access,
        boolean disabled,
        Expiration expiration,
        List<StageDefinition> layout,
        boolean defaultLayout,
        Path file,
        String displayPath,
        YamlMap source) {

    /** The app type Kestra uses for apps that drive an execution. */
    public static final String EXECUTION_APP_TYPE = "io.kestra.plugin.ee.apps.Execution";

    public AppDefinition {
        tags = List.copyOf(tags);
        layout = List.copyOf(layout);
    }

    /** The title a page shows: the display name, else the id. */
    public String title() {
        return displayName != null && !displayName.isBlank() ? displayName : id;
    }

    /** The flow's key: {@code namespace.flowId}. */
    public String flowKey() {
        return namespace + "." + flowId;
    }

    public SourceLocation location() {
        return source.location();
    }

    public Optional<StageDefinition> stage(Stage stage) {
        return layout.stream().filter(entry -> entry.stage() == stage).findFirst();
    }
}
