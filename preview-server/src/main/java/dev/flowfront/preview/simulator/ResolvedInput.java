package dev.flowfront.preview.simulator;

import dev.flowfront.generator.definition.InputDefinition;
import java.util.List;

/**
 * An input after Kestra's resolution: whether {@code dependsOn} enables it, its typed value and the
 * validation errors, as the validate endpoints return them.
 *
 * @param value the typed value; null when disabled, absent or invalid
 * @param isDefault whether the value comes from {@code defaults}
 * @param errors messages such as {@code Invalid value for input `age`. Cause: ...}; empty when
 *     valid
 */
record ResolvedInput(
        InputDefinition definition,
        Object value,
        boolean enabled,
        boolean isDefault,
        List<String> errors) {}
