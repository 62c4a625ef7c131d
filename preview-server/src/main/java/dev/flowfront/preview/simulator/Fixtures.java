package dev.flowfront.preview.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Task outputs to use in place of running a task, in the {@code fixtures} format of Kestra's test
 * suites. Each YAML file names a flow with {@code namespace} and {@code flowId} and contains either
 * a top-level {@code fixtures} map or Kestra's {@code testCases} list (the fixtures of the first
 * test case that has some are used):
 *
 * <pre>
 * namespace: company.team
 * flowId: ai_assistant
 * fixtures:
 *   tasks:
 *     - id: llm_categorization
 *       state: SUCCESS        # optional, SUCCESS by default
 *       outputs:
 *         body: '{"labels": ["discovery"]}'
 * </pre>
 *
 * <p>Kestra's fixtures give output values only, so a task that writes files cannot be replayed with
 * content. A task fixture may therefore also hold {@code files}, a map from file name to text,
 * which is Flowfront's own addition: the simulator stores each file in the execution's storage and
 * sets the task's {@code outputFiles} output to their {@code kestra:///} URIs, as Kestra's script
 * tasks do.
 */
final class Fixtures {

    /**
     * One task's fixture.
     *
     * @param value the ForEach value it applies to, or null for every run of the task
     */
    record TaskFixture(
            String id,
            String value,
            StateType state,
            Map<String, Object> outputs,
            Map<String, String> files) {}

    private final Map<String, List<TaskFixture>> byFlow;

    private Fixtures(Map<String, List<TaskFixture>> byFlow) {
        this.byFlow = byFlow;
    }

    static Fixtures empty() {
        return new Fixtures(Map.of());
    }

    /**
     * Reads every YAML file below the folder.
     *
     * @throws IllegalArgumentException when a file is not a valid fixture file, naming the file
     */
    static Fixtures load(Path folder, ObjectMapper yaml) {
        Map<String, List<TaskFixture>> byFlow = new HashMap<>();
        if (folder == null || !Files.isDirectory(folder)) {
            return new Fixtures(byFlow);
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path file :
                    walk.filter(Files::isRegularFile)
                            .filter(Fixtures::isYaml)
                            .sorted(Comparator.naturalOrder())
                            .toList()) {
                Object root = yaml.readValue(file.toFile(), Object.class);
                readFile(file, root, byFlow);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read fixtures in " + folder, e);
        }
        return new Fixtures(byFlow);
    }

    private static boolean isYaml(Path path) {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".yml") || name.endsWith(".yaml");
    }

    private static void readFile(Path file, Object root, Map<String, List<TaskFixture>> byFlow) {
        if (!(root instanceof Map<?, ?> map)
                || map.get("namespace") == null
                || map.get("flowId") == null) {
            throw new IllegalArgumentException(
                    file
                            + ": a fixture file must be a map with 'namespace' and 'flowId'."
                            + " Add both, then a 'fixtures: tasks:' list");
        }
        Object fixtures = map.get("fixtures");
        if (fixtures == null && map.get("testCases") instanceof List<?> cases) {
            fixtures =
                    cases.stream()
                            .filter(Map.class::isInstance)
                            .map(item -> ((Map<?, ?>) item).get("fixtures"))
                            .filter(item -> item instanceof Map<?, ?> m && m.get("tasks") != null)
                            .findFirst()
                            .orElse(null);
        }
        List<TaskFixture> tasks = new ArrayList<>();
        if (fixtures instanceof Map<?, ?> fixtureMap
                && fixtureMap.get("tasks") instanceof List<?> list) {
            for (Object item : list) {
                tasks.add(readTask(file, item));
            }
        }
        byFlow.computeIfAbsent(
                        map.get("namespace") + "." + map.get("flowId"), key -> new ArrayList<>())
                .addAll(tasks);
    }

    private static TaskFixture readTask(Path file, Object item) {
        if (!(item instanceof Map<?, ?> task) || task.get("id") == null) {
            throw new IllegalArgumentException(
                    file + ": each fixture task must be a map with an 'id'. Write '- id: taskId'");
        }
        StateType state = StateType.SUCCESS;
        if (task.get("state") != null) {
            try {
                state = StateType.valueOf(task.get("state").toString().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        file
                                + ": fixture state '"
                                + task.get("state")
                                + "' of task '"
                                + task.get("id")
                                + "' is not a Kestra state. Use SUCCESS, WARNING or FAILED",
                        e);
            }
        }
        Map<String, Object> outputs = new LinkedHashMap<>();
        if (task.get("outputs") instanceof Map<?, ?> values) {
            values.forEach((key, value) -> outputs.put(String.valueOf(key), value));
        }
        Map<String, String> files = new LinkedHashMap<>();
        if (task.get("files") instanceof Map<?, ?> contents) {
            contents.forEach((name, text) -> files.put(String.valueOf(name), String.valueOf(text)));
        }
        Object value = task.get("value");
        return new TaskFixture(
                task.get("id").toString(),
                value == null ? null : value.toString(),
                state,
                outputs,
                files);
    }

    /**
     * Returns the fixture of a task run: one for its ForEach value first, else one for any value.
     */
    Optional<TaskFixture> find(String namespace, String flowId, String taskId, String value) {
        List<TaskFixture> tasks = byFlow.getOrDefault(namespace + "." + flowId, List.of());
        Optional<TaskFixture> exact =
                tasks.stream()
                        .filter(
                                task ->
                                        task.id().equals(taskId)
                                                && value != null
                                                && value.equals(task.value()))
                        .findFirst();
        if (exact.isPresent()) {
            return exact;
        }
        return tasks.stream()
                .filter(task -> task.id().equals(taskId) && task.value() == null)
                .findFirst();
    }
}
