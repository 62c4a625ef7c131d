package dev.flowfront.generator.definition;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a page shows while its execution is in a given state: the {@code on:} key of a layout entry.
 * The runtime maps Kestra execution states onto these.
 */
public enum Stage {
    /** No execution yet: the form that starts one. */
    OPEN,
    /** The execution is CREATED, QUEUED or SUBMITTED. */
    CREATED,
    /** The execution runs and was never paused. */
    RUNNING,
    /** The execution is PAUSED, waiting for approval. */
    PAUSE,
    /** The execution runs again after a pause. */
    RESUME,
    /** The execution ended without failure. */
    SUCCESS,
    /** The execution ended FAILED, KILLED or CANCELLED. */
    FAILURE,
    /** The page cannot do its job: Kestra unreachable, access denied, execution not found. */
    ERROR,
    /** Shown when the stage to show has no layout of its own. */
    FALLBACK;

    public static Optional<Stage> parse(String text) {
        return Arrays.stream(values()).filter(stage -> stage.name().equals(text)).findFirst();
    }
}
