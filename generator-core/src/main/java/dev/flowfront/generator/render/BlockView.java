package dev.flowfront.generator.render;

import java.util.Map;

/**
 * What a block template needs.
 *
 * @param template the file under {@code blocks/} without {@code .peb}
 * @param kebabName the block's CSS modifier, such as {@code create-execution-form}
 * @param simpleName the block type's simple name, such as {@code CreateExecutionForm}
 * @param data the values the template reads; every key the template uses is present
 */
public record BlockView(
        String template, String kebabName, String simpleName, Map<String, Object> data) {}
