package dev.flowfront.preview.simulator;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The state of an execution or a task run with its history, as Kestra's {@code State} type. Not
 * thread-safe: the owning {@link ExecutionRecord} guards it.
 */
final class StateHistory {

    private record Entry(StateType state, Instant date) {}

    private final List<Entry> histories = new ArrayList<>();

    StateHistory(StateType initial) {
        histories.add(new Entry(initial, Instant.now()));
    }

    StateType current() {
        return histories.get(histories.size() - 1).state();
    }

    void change(StateType next) {
        histories.add(new Entry(next, Instant.now()));
    }

    boolean wasPaused() {
        return histories.stream().anyMatch(entry -> entry.state() == StateType.PAUSED);
    }

    ObjectNode toJson(JsonNodeFactory json) {
        ObjectNode state = json.objectNode();
        state.put("current", current().name());
        var list = state.putArray("histories");
        for (Entry entry : histories) {
            ObjectNode item = list.addObject();
            item.put("state", entry.state().name());
            item.put("date", entry.date().toString());
        }
        Instant start = histories.get(0).date();
        state.put("startDate", start.toString());
        // Kestra sets endDate on final states and while paused.
        StateType current = current();
        if (current.isTerminated() || current == StateType.PAUSED) {
            Instant end = histories.get(histories.size() - 1).date();
            state.put("endDate", end.toString());
            state.put("duration", Duration.between(start, end).toString());
        }
        return state;
    }
}
