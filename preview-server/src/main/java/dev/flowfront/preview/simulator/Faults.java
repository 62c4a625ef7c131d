package dev.flowfront.preview.simulator;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Faults a test injects into the simulated API, and the request counters it asserts on.
 *
 * <p>Thread-safe: every method synchronizes on this object.
 */
public final class Faults {

    private final Map<Route, Duration> latency = new EnumMap<>(Route.class);
    private final Map<Route, Deque<Integer>> statuses = new EnumMap<>(Route.class);
    private final Map<Route, AtomicInteger> counters = new EnumMap<>(Route.class);
    private Duration allLatency = Duration.ZERO;
    private int followFrameLimit = -1;

    /** Delays every response of the route by the duration (real time, not scaled by speed). */
    public synchronized Faults latency(Route route, Duration delay) {
        latency.put(route, delay);
        return this;
    }

    /** Delays every API response by the duration. */
    public synchronized Faults latency(Duration delay) {
        allLatency = delay;
        return this;
    }

    /**
     * Fails the next requests of the route with these statuses, one per request, then normally. For
     * example {@code statuses(Route.CREATE_EXECUTION, 503, 503, 503)}.
     */
    public synchronized Faults statuses(Route route, int... codes) {
        Deque<Integer> queue = statuses.computeIfAbsent(route, key -> new ArrayDeque<>());
        for (int code : codes) {
            queue.add(code);
        }
        return this;
    }

    /**
     * Drops the connection of every execution follow stream after it sent this many frames ({@code
     * start} included), without the {@code end} frame; a negative value turns it off.
     */
    public synchronized Faults dropFollowAfter(int frames) {
        followFrameLimit = frames;
        return this;
    }

    /** Returns how many requests reached the route, faulted ones included. */
    public synchronized int requestCount(Route route) {
        AtomicInteger counter = counters.get(route);
        return counter == null ? 0 : counter.get();
    }

    /** Clears every fault and counter. */
    public synchronized void reset() {
        latency.clear();
        statuses.clear();
        counters.clear();
        allLatency = Duration.ZERO;
        followFrameLimit = -1;
    }

    synchronized void count(Route route) {
        counters.computeIfAbsent(route, key -> new AtomicInteger()).incrementAndGet();
    }

    synchronized Duration latencyOf(Route route) {
        Duration specific = latency.getOrDefault(route, Duration.ZERO);
        return specific.compareTo(allLatency) > 0 ? specific : allLatency;
    }

    synchronized OptionalInt nextStatus(Route route) {
        Deque<Integer> queue = statuses.get(route);
        return queue == null || queue.isEmpty()
                ? OptionalInt.empty()
                : OptionalInt.of(queue.poll());
    }

    synchronized int followFrameLimit() {
        return followFrameLimit;
    }
}
