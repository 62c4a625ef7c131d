package dev.flowfront.generator.expression;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reads facts out of compiled expression trees, for the validator. */
public final class ExpressionTrees {

    private ExpressionTrees() {}

    /**
     * Returns the dotted paths an expression reads, without repeats, in a fixed order (depth first,
     * children by key name): {@code outputs.fetch_employee_data.uri}, {@code inputs.resource_type}.
     * A path ends before the first key that is not a literal string (an index such as {@code [0]},
     * or a key computed by an expression); the expressions inside such keys are searched too.
     */
    public static List<String> variablePaths(JsonNode tree) {
        Set<String> paths = new LinkedHashSet<>();
        collectPaths(tree, paths);
        return List.copyOf(paths);
    }

    /**
     * Returns the dotted path of a {@code var} node or a chain of {@code get} nodes with literal
     * string keys, e.g. {@code inputs.resource_type}, or empty for any other node.
     */
    public static Optional<String> path(JsonNode node) {
        List<String> keys = new ArrayList<>();
        JsonNode current = node;
        while (isType(current, "get")) {
            JsonNode key = current.get("k");
            if (!isType(key, "lit") || !key.get("v").isTextual()) {
                return Optional.empty();
            }
            keys.add(0, key.get("v").textValue());
            current = current.get("o");
        }
        if (!isType(current, "var")) {
            return Optional.empty();
        }
        keys.add(0, current.get("n").textValue());
        return Optional.of(String.join(".", keys));
    }

    /** Whether a node is a tree node of the given type ({@code "var"}, {@code "bin"}, ...). */
    public static boolean isType(JsonNode node, String type) {
        return node != null && node.isObject() && type.equals(node.path("t").asText());
    }

    private static void collectPaths(JsonNode node, Set<String> paths) {
        if (node == null || !node.isContainerNode()) {
            return;
        }
        if (isType(node, "var") || isType(node, "get")) {
            JsonNode prefix = longestPathPrefix(node);
            path(prefix).ifPresent(paths::add);
            collectInsideKeys(node, prefix, paths);
            return;
        }
        for (JsonNode child : node) {
            collectPaths(child, paths);
        }
    }

    /** Walks down {@code o} links past keys that are not literal strings. */
    private static JsonNode longestPathPrefix(JsonNode node) {
        JsonNode current = node;
        while (path(current).isEmpty() && isType(current, "get")) {
            current = current.get("o");
        }
        return current;
    }

    /** Collects paths used as computed keys between {@code node} and its path prefix. */
    private static void collectInsideKeys(JsonNode node, JsonNode prefix, Set<String> paths) {
        JsonNode current = node;
        while (current != prefix && isType(current, "get")) {
            collectPaths(current.get("k"), paths);
            current = current.get("o");
        }
        if (path(prefix).isEmpty()) {
            // The chain starts at something other than a variable, e.g. a filter's result.
            collectPaths(prefix, paths);
        }
    }
}
