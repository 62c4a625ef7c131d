package dev.flowfront.preview.simulator;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * A log line of an execution, as Kestra's {@code LogEntry}.
 *
 * @param taskId null for lines about the execution itself
 * @param taskRunId null for lines about the execution itself
 * @param level one of {@link #LEVELS}
 */
record LogRecord(String taskId, String taskRunId, Instant timestamp, String level, String message) {

    /** Kestra's log levels, least severe first. */
    static final List<String> LEVELS = List.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR");

    /**
     * Tests whether the line's level is at least {@code minLevel}. A null minimum keeps every line.
     */
    boolean atLeast(String minLevel) {
        if (minLevel == null || minLevel.isBlank()) {
            return true;
        }
        return LEVELS.indexOf(level) >= LEVELS.indexOf(minLevel.toUpperCase(Locale.ROOT));
    }
}
