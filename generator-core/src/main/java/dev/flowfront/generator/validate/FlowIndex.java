package dev.flowfront.generator.validate;

import dev.flowfront.generator.definition.FlowDefinition;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The loaded flows, by namespace and id. */
final class FlowIndex {

    private final Map<String, Map<String, FlowDefinition>> byNamespace = new TreeMap<>();

    FlowIndex(List<FlowDefinition> flows) {
        List<FlowDefinition> byLocation = new ArrayList<>(flows);
        byLocation.sort(Comparator.comparing(FlowDefinition::location));
        for (FlowDefinition flow : byLocation) {
            // When two files declare the same flow, the first by file name wins, as
            // DuplicateFlowRule reports.
            byNamespace
                    .computeIfAbsent(flow.namespace(), namespace -> new TreeMap<>())
                    .putIfAbsent(flow.id(), flow);
        }
    }

    Optional<FlowDefinition> find(String namespace, String id) {
        return Optional.ofNullable(byNamespace.getOrDefault(namespace, Map.of()).get(id));
    }

    /** Returns the ids of the flows in a namespace, sorted. */
    List<String> idsIn(String namespace) {
        return new ArrayList<>(byNamespace.getOrDefault(namespace, Map.of()).keySet());
    }

    /** Returns the namespaces, sorted, that contain a flow with this id. */
    List<String> namespacesOf(String id) {
        List<String> namespaces = new ArrayList<>();
        byNamespace.forEach(
                (namespace, flows) -> {
                    if (flows.containsKey(id)) {
                        namespaces.add(namespace);
                    }
                });
        return namespaces;
    }
}
