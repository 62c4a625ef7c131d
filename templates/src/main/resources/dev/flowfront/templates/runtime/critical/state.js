// ---------------------------------------------------------------------------
// State machine: one state object, changed only by transition(event).
// ---------------------------------------------------------------------------

/** Next stage for each execution event, the same from every stage that follows an execution. */
const EXECUTION_TRANSITIONS = Object.freeze({
  queued: 'CREATED',
  running: 'RUNNING',
  paused: 'PAUSE',
  resumed: 'RESUME',
  succeeded: 'SUCCESS',
  failed: 'FAILURE',
  unknown: 'FALLBACK',
  error: 'ERROR',
});

/**
 * The `stage → event → next stage` table. Terminal stages still accept execution events because
 * Kestra can restart or replay a finished execution under the same id.
 */
const TRANSITIONS = Object.freeze({
  OPEN: EXECUTION_TRANSITIONS,
  CREATED: EXECUTION_TRANSITIONS,
  RUNNING: EXECUTION_TRANSITIONS,
  PAUSE: EXECUTION_TRANSITIONS,
  RESUME: EXECUTION_TRANSITIONS,
  SUCCESS: EXECUTION_TRANSITIONS,
  FAILURE: EXECUTION_TRANSITIONS,
  FALLBACK: EXECUTION_TRANSITIONS,
  ERROR: Object.freeze({ ...EXECUTION_TRANSITIONS, reset: 'OPEN' }),
});

let state = Object.freeze({ stage: 'OPEN', executionId: null, error: null });

/** The latest execution JSON from Kestra, or null before one exists. */
const store = { execution: null };

/**
 * Applies an event `{type, executionId?, error?}` to the state through the transition table and
 * schedules a render. Events the table does not list for the current stage are logged and ignored.
 * Returns whether the event was accepted.
 */
function transition(event) {
  const next = TRANSITIONS[state.stage][event.type];
  if (!next) {
    console.warn(`Flowfront: ignored event "${event.type}" in stage ${state.stage}`);
    return false;
  }
  const previous = state;
  let executionId = previous.executionId;
  if (event.type === 'reset') {
    executionId = null;
  } else if (event.executionId) {
    executionId = event.executionId;
  }
  state = Object.freeze({
    stage: next,
    executionId,
    error: next === 'ERROR' ? event.error || null : null,
  });
  const stageChanged = previous.stage !== state.stage || previous.executionId !== executionId;
  scheduleRender(stageChanged);
  return true;
}
