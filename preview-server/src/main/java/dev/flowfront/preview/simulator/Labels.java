package dev.flowfront.preview.simulator;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Parses the {@code labels} query parameters of a create request with Kestra's rules. */
final class Labels {

    /** System labels a client may set; Kestra rejects every other {@code system.} label. */
    private static final Set<String> ALLOWED_SYSTEM = Set.of("system.correlationId", "system.from");

    private Labels() {}

    static List<ExecutionRecord.Label> parse(List<String> values) throws ApiException {
        List<ExecutionRecord.Label> labels = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (String raw : values) {
            int colon = raw.indexOf(':');
            if (colon < 0) {
                throw invalid(raw, "it must be 'key:value'");
            }
            String key = raw.substring(0, colon).trim();
            String value = raw.substring(colon + 1).trim();
            if (key.isEmpty() || value.isEmpty()) {
                throw invalid(raw, "the key and the value must not be empty");
            }
            if (key.chars().anyMatch(Character::isWhitespace)) {
                throw invalid(raw, "the key must not contain whitespace");
            }
            if (!keys.add(key)) {
                throw invalid(raw, "the key '" + key + "' is used twice");
            }
            if (key.startsWith("system.") && !ALLOWED_SYSTEM.contains(key)) {
                throw new ApiException(
                        422,
                        "Illegal argument: System labels can only be set by Kestra itself,"
                                + " offending label: "
                                + key
                                + "="
                                + value);
            }
            labels.add(new ExecutionRecord.Label(key, value));
        }
        return labels;
    }

    private static ApiException invalid(String raw, String reason) {
        return new ApiException(422, "Illegal argument: Invalid label '" + raw + "': " + reason);
    }
}
