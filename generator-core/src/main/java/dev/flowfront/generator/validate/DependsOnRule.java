package dev.flowfront.generator.validate;

import dev.flowfront.generator.api.ProblemCollector;
import dev.flowfront.generator.definition.InputDefinition;
import dev.flowfront.generator.load.Suggestions;
import dev.flowfront.generator.yaml.YamlScalar;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks {@code dependsOn.inputs}: an unknown input is a WARNING, and a cycle is an ERROR because
 * no input of the cycle could ever be shown.
 */
final class DependsOnRule {

    /** Inputs of a cycle named in its message; longer cycles end with a count. */
    private static final int MAX_NAMED_IN_CYCLE = 10;

    void check(InputList list, ProblemCollector problems) {
        Map<String, Integer> yamlOrder = new HashMap<>();
        for (InputDefinition input : list.inputs()) {
            yamlOrder.putIfAbsent(input.id(), yamlOrder.size());
        }
        Map<String, List<YamlScalar>> edges = new LinkedHashMap<>();
        for (InputDefinition input : list.inputs()) {
            List<YamlScalar> known = new ArrayList<>();
            for (YamlScalar item : InputList.dependsOnItems(input)) {
                if (yamlOrder.containsKey(item.text())) {
                    known.add(item);
                } else {
                    reportUnknown(list, input, item, problems);
                }
            }
            edges.put(input.id(), known);
        }
        new CycleFinder(list, yamlOrder, edges, problems).run();
    }

    private static void reportUnknown(
            InputList list, InputDefinition input, YamlScalar item, ProblemCollector problems) {
        Optional<String> closest = Suggestions.closest(item.text(), list.ids());
        problems.warning(
                item.location(),
                "dependsOn names input '"
                        + item.text()
                        + "', which is not an input of "
                        + list.owner()
                        + " ("
                        + InputList.where(input, list.owner())
                        + ")",
                closest.map(id -> "Did you mean '" + id + "'?")
                        .orElse(
                                "Inputs of "
                                        + list.owner()
                                        + ": "
                                        + String.join(", ", list.ids())));
    }

    /** Depth-first search that reports each cycle once, starting at its first input in YAML. */
    private static final class CycleFinder {
        private final InputList list;
        private final Map<String, Integer> yamlOrder;
        private final Map<String, List<YamlScalar>> edges;
        private final ProblemCollector problems;
        private final Set<String> done = new HashSet<>();
        private final List<String> path = new ArrayList<>();
        private final Map<String, Integer> positions = new HashMap<>();
        private final Set<Set<String>> reported = new HashSet<>();

        CycleFinder(
                InputList list,
                Map<String, Integer> yamlOrder,
                Map<String, List<YamlScalar>> edges,
                ProblemCollector problems) {
            this.list = list;
            this.yamlOrder = yamlOrder;
            this.edges = edges;
            this.problems = problems;
        }

        void run() {
            for (String id : edges.keySet()) {
                visit(id);
            }
        }

        /** Walks from one input with an explicit stack, so long chains cannot overflow it. */
        private void visit(String root) {
            if (done.contains(root)) {
                return;
            }
            Deque<Iterator<YamlScalar>> pending = new ArrayDeque<>();
            enter(root, pending);
            while (!pending.isEmpty()) {
                Iterator<YamlScalar> next = pending.peek();
                if (!next.hasNext()) {
                    pending.pop();
                    String finished = path.remove(path.size() - 1);
                    positions.remove(finished);
                    done.add(finished);
                    continue;
                }
                String id = next.next().text();
                Integer onPath = positions.get(id);
                if (onPath != null) {
                    report(new ArrayList<>(path.subList(onPath, path.size())));
                } else if (!done.contains(id)) {
                    enter(id, pending);
                }
            }
        }

        private void enter(String id, Deque<Iterator<YamlScalar>> pending) {
            positions.put(id, path.size());
            path.add(id);
            pending.push(edges.getOrDefault(id, List.of()).iterator());
        }

        private void report(List<String> cycle) {
            if (!reported.add(new TreeSet<>(cycle))) {
                return;
            }
            List<String> rotated = rotateToFirstInYaml(cycle);
            String first = rotated.get(0);
            String second = rotated.size() > 1 ? rotated.get(1) : first;
            InputDefinition input = list.find(first).orElseThrow();
            YamlScalar edge =
                    edges.get(first).stream()
                            .filter(item -> item.text().equals(second))
                            .findFirst()
                            .orElseThrow();
            List<String> names = new ArrayList<>(rotated);
            if (names.size() > MAX_NAMED_IN_CYCLE) {
                int more = names.size() - MAX_NAMED_IN_CYCLE;
                names = new ArrayList<>(names.subList(0, MAX_NAMED_IN_CYCLE));
                names.add("(" + more + " more)");
            }
            names.add(first);
            problems.error(
                    edge.location(),
                    "dependsOn forms a cycle: "
                            + String.join(" → ", names)
                            + " ("
                            + InputList.where(input, list.owner())
                            + ")",
                    "Remove one of these dependencies. An input is shown only after the inputs"
                            + " it depends on have values, so none of them could ever be shown");
        }

        private List<String> rotateToFirstInYaml(List<String> cycle) {
            int start = 0;
            for (int i = 1; i < cycle.size(); i++) {
                if (yamlOrder.get(cycle.get(i)) < yamlOrder.get(cycle.get(start))) {
                    start = i;
                }
            }
            List<String> rotated = new ArrayList<>(cycle.subList(start, cycle.size()));
            rotated.addAll(cycle.subList(0, start));
            return rotated;
        }
    }
}
