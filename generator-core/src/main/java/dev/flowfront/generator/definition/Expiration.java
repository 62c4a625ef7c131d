package dev.flowfront.generator.definition;

import java.time.Instant;

/**
 * The window in which an app may be used. Either bound may be null.
 *
 * @param startDate first instant the app may be used
 * @param endDate last instant the app may be used
 */
public record Expiration(Instant startDate, Instant endDate) {

    /** Whether the instant lies inside the window, bounds included. */
    public boolean contains(Instant instant) {
        boolean started = startDate == null || !instant.isBefore(startDate);
        boolean notEnded = endDate == null || !instant.isAfter(endDate);
        return started && notEnded;
    }
}
