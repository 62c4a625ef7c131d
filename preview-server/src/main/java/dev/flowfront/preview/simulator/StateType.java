package dev.flowfront.preview.simulator;

import java.util.Set;

/** Kestra's execution and task run states (1.x). */
public enum StateType {
    CREATED,
    SUBMITTED,
    RUNNING,
    PAUSED,
    RESTARTED,
    KILLING,
    SUCCESS,
    WARNING,
    FAILED,
    KILLED,
    CANCELLED,
    QUEUED,
    RETRYING,
    RETRIED,
    SKIPPED,
    BREAKPOINT,
    RESUBMITTED;

    private static final Set<StateType> TERMINATED =
            Set.of(SUCCESS, WARNING, FAILED, KILLED, CANCELLED, RETRIED, SKIPPED, RESUBMITTED);

    /** Whether Kestra considers the state final ({@code isTerminated}). */
    public boolean isTerminated() {
        return TERMINATED.contains(this);
    }

    /** Whether the state is final and counts as a failure. */
    public boolean isFailed() {
        return this == FAILED || this == KILLED || this == CANCELLED;
    }
}
