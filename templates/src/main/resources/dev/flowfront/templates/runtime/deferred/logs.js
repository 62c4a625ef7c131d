// ---------------------------------------------------------------------------
// Logs and stack traces: one list per execution, shared by every Logs and Stacktrace block. The
// stream is open while the execution moves, and a final list replaces what it brought once the
// execution ends, because the stream can miss entries around its switch from stored to live logs.
// ---------------------------------------------------------------------------

const logs = { executionId: null, entries: [], keys: new Set(), stream: null, finalLoaded: false };

/** Returns the filter that covers every log block of the page. */
function pageLogFilter() {
  const blocks = qsa('[data-ff-block="Logs"], [data-ff-block="Stacktrace"]');
  let minIndex = LOG_LEVELS.length - 1;
  const taskIds = new Set();
  let everyTask = false;
  for (const block of blocks) {
    const level = block.dataset.ffBlock === 'Stacktrace' ? 'ERROR' : block.dataset.ffMinLevel || 'INFO';
    minIndex = Math.min(minIndex, Math.max(LOG_LEVELS.indexOf(level), 0));
    const ids = block.dataset.ffBlock === 'Stacktrace' ? [] : parseJsonList(block.dataset.ffTaskIds);
    if (ids.length === 0) {
      everyTask = true;
    }
    ids.forEach((id) => taskIds.add(id));
  }
  const taskId = !everyTask && taskIds.size === 1 ? [...taskIds][0] : null;
  return { blocks: blocks.length, minLevel: LOG_LEVELS[minIndex], taskId };
}

/** Opens, closes or completes the log list to match the current execution and stage. */
function syncLogs() {
  const execution = store.execution;
  const filter = pageLogFilter();
  if (!execution || filter.blocks === 0) {
    return;
  }
  if (logs.executionId !== execution.id) {
    stopLogStream();
    logs.executionId = execution.id;
    logs.entries = [];
    logs.keys = new Set();
    logs.finalLoaded = false;
  }
  if (isTerminal(execution)) {
    stopLogStream();
    if (!logs.finalLoaded) {
      logs.finalLoaded = true;
      loadFinalLogs(execution.id, filter);
    }
    return;
  }
  if (!logs.stream && LIVE_STAGES.has(currentState().stage)) {
    followLogs(execution.id, filter);
  }
}

function stopLogStream() {
  if (logs.stream) {
    logs.stream.abort();
    logs.stream = null;
  }
}

async function loadFinalLogs(executionId, filter) {
  try {
    const entries = await api.logs(executionId, filter);
    if (logs.executionId !== executionId || !Array.isArray(entries)) {
      return;
    }
    logs.entries = [];
    logs.keys = new Set();
    entries.forEach(addLogEntry);
    scheduleRender(false);
  } catch (error) {
    logFailure(error, 'loading the logs');
    logs.finalLoaded = false;
  }
}

/**
 * Follows the log stream while the execution moves. Kestra's log stream has no end frame, so a
 * stream the server closes is opened again. After `RETRY.attempts` failures in a row the page
 * lists the logs on the polling interval instead.
 */
async function followLogs(executionId, filter) {
  const controller = new AbortController();
  logs.stream = controller;
  const signal = controller.signal;
  let failures = 0;
  while (!signal.aborted) {
    try {
      if (failures > RETRY.attempts) {
        const entries = await api.logs(executionId, filter, signal);
        if (Array.isArray(entries) && entries.map(addLogEntry).some(Boolean)) {
          scheduleRender(false);
        }
      } else {
        const response = await api.followLogs(executionId, filter, signal);
        await readEventStream(response, signal, (frame) => {
          const entry = frame.id === 'progress' ? parseFrameJson(frame) : null;
          if (entry && addLogEntry(entry)) {
            scheduleRender(false);
          }
        });
        failures = 0;
      }
    } catch (error) {
      if (signal.aborted) {
        return;
      }
      failures++;
      logFailure(error, 'following the logs', true);
    }
    try {
      await delay(failures > 0 && failures <= RETRY.attempts ? backoffMs(failures) : POLL_INTERVAL_MS, signal);
    } catch (error) {
      return;
    }
  }
}

/** Adds an entry unless an equal one is already listed. Returns whether it was added. */
function addLogEntry(entry) {
  if (!entry || typeof entry.message !== 'string') {
    return false;
  }
  const key = [entry.timestamp, entry.taskRunId, entry.level, entry.message].join('\u0000');
  if (logs.keys.has(key)) {
    return false;
  }
  logs.keys.add(key);
  logs.entries.push(entry);
  return true;
}

function renderLogs(block) {
  const minIndex = Math.max(LOG_LEVELS.indexOf(block.dataset.ffMinLevel || 'INFO'), 0);
  const taskIds = parseJsonList(block.dataset.ffTaskIds);
  const entries = logs.entries.filter(
    (entry) =>
      LOG_LEVELS.indexOf(entry.level) >= minIndex && (taskIds.length === 0 || taskIds.includes(entry.taskId)),
  );

  let list = qs('[data-ff-log-list], ol.ff-logs', block);
  if (list && list.getAttribute('role') === 'log') {
    // A list may not take the log role (axe rules aria-allowed-role and listitem), so a wrapper does.
    const wrapper = element('div', { class: 'ff-log-region', role: 'log', 'aria-label': list.getAttribute('aria-label') || 'Execution logs' });
    list.replaceWith(wrapper);
    list.removeAttribute('role');
    list.removeAttribute('aria-label');
    list.setAttribute('data-ff-log-list', '');
    wrapper.appendChild(list);
  }
  if (!list) {
    list = element('ol', { class: 'ff-log-list', 'data-ff-log-list': '' });
    // An <ol> may not take the log role, so a wrapper carries it.
    block.appendChild(element('div', { class: 'ff-log-region', role: 'log', 'aria-label': 'Execution logs' }, [list]));
  }
  let empty = qs('[data-ff-log-empty]', block);
  if (!empty) {
    empty = element('p', { class: 'ff-log-empty', 'data-ff-log-empty': '' }, ['No log lines yet.']);
    block.appendChild(empty);
  }

  empty.hidden = entries.length > 0;
  list.hidden = entries.length === 0;
  // Appending keeps the live region quiet about lines it already announced.
  const shown = list.children.length;
  const sameStart = shown <= entries.length && (shown === 0 || list.firstElementChild.dataset.ffKey === logKey(entries[0]));
  if (!sameStart) {
    list.replaceChildren(...entries.map(logItem));
    return;
  }
  for (const entry of entries.slice(shown)) {
    list.appendChild(logItem(entry));
  }
}

function logKey(entry) {
  return [entry.timestamp, entry.taskRunId, entry.level, entry.message].join('|');
}

function logItem(entry) {
  const level = LOG_LEVELS.includes(entry.level) ? entry.level : 'INFO';
  const date = new Date(entry.timestamp);
  const time = Number.isNaN(date.getTime())
    ? element('span', { class: 'ff-log-time' }, [''])
    : element('time', { class: 'ff-log-time', datetime: date.toISOString() }, [date.toLocaleTimeString()]);
  return element('li', { class: `ff-log ff-log--${level.toLowerCase()}`, 'data-ff-key': logKey(entry) }, [
    time,
    ' ',
    element('span', { class: 'ff-log-level' }, [level]),
    ' ',
    element('span', { class: 'ff-log-task' }, [entry.taskId || '']),
    ' ',
    element('span', { class: 'ff-log-message' }, [entry.message]),
  ]);
}

function renderStacktrace(block) {
  const errors = logs.entries.filter((entry) => entry.level === 'ERROR');
  let pre = qs('[data-ff-stacktrace]', block);
  if (!pre) {
    pre = element('pre', { class: 'ff-stacktrace', 'data-ff-stacktrace': '', tabindex: '0' });
    block.appendChild(pre);
  }
  pre.textContent = errors.length > 0
    ? errors.map((entry) => `${entry.taskId ? `[${entry.taskId}] ` : ''}${entry.message}`).join('\n\n')
    : 'No error details were logged.';
}
