// ---------------------------------------------------------------------------
// Execution client, part 2: Kestra's execution, log and file endpoints, and following an
// execution through its event stream with a polling fallback.
// ---------------------------------------------------------------------------

/** The latest execution JSON from Kestra, or null before one exists. */
const store = { execution: null };

const api = {
  create(body) {
    const query = [['labels', `app:${config.app.id}`]];
    if (config.app.flowRevision !== null && config.app.flowRevision !== undefined) {
      query.push(['revision', String(config.app.flowRevision)]);
    }
    return request('POST', `/executions/${segment(config.app.namespace)}/${segment(config.app.flowId)}`, {
      body,
      query,
    });
  },
  validate(body) {
    const query = [['labels', `app:${config.app.id}`]];
    if (config.app.flowRevision !== null && config.app.flowRevision !== undefined) {
      query.push(['revision', String(config.app.flowRevision)]);
    }
    return request(
      'POST',
      `/executions/${segment(config.app.namespace)}/${segment(config.app.flowId)}/validate`,
      { body, query, retry: false },
    );
  },
  get(executionId, signal) {
    return request('GET', `/executions/${segment(executionId)}`, { signal });
  },
  resume(executionId, body) {
    return request('POST', `/executions/${segment(executionId)}/resume`, { body, accept: 'none' });
  },
  kill(executionId) {
    return request('DELETE', `/executions/${segment(executionId)}/kill`, { accept: 'none' });
  },
  logs(executionId, filter, signal) {
    return request('GET', `/logs/${segment(executionId)}`, { query: logQuery(filter), signal });
  },
  followLogs(executionId, filter, signal) {
    return request('GET', `/logs/${segment(executionId)}/follow`, {
      query: logQuery(filter),
      accept: 'stream',
      retry: false,
      signal,
    });
  },
  followExecution(executionId, signal) {
    return request('GET', `/executions/${segment(executionId)}/follow`, {
      accept: 'stream',
      retry: false,
      signal,
    });
  },
  file(executionId, path) {
    return request('GET', `/executions/${segment(executionId)}/file`, {
      query: [['path', path]],
      accept: 'blob',
    });
  },
};

function segment(value) {
  return encodeURIComponent(String(value));
}

function logQuery(filter) {
  const query = [];
  if (filter.minLevel) {
    query.push(['minLevel', filter.minLevel]);
  }
  if (filter.taskId) {
    query.push(['taskId', filter.taskId]);
  }
  return query;
}

/**
 * Reads a server-sent event stream from a fetch Response and calls `onFrame({id, data})` for each
 * frame. Resolves when the server closes the stream, and rejects when `signal` aborts.
 */
async function readEventStream(response, signal, onFrame) {
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let frame = { id: '', data: [] };
  const onAbort = () => reader.cancel().catch(() => {});
  signal.addEventListener('abort', onAbort, { once: true });
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) {
        return;
      }
      buffer += decoder.decode(value, { stream: true });
      const lines = buffer.split(/\r\n|\r|\n/);
      buffer = lines.pop();
      for (const line of lines) {
        if (line === '') {
          if (frame.data.length > 0 || frame.id) {
            onFrame({ id: frame.id, data: frame.data.join('\n') });
          }
          frame = { id: frame.id, data: [] };
          continue;
        }
        if (line.startsWith(':')) {
          continue;
        }
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        let text = colon < 0 ? '' : line.slice(colon + 1);
        if (text.startsWith(' ')) {
          text = text.slice(1);
        }
        if (field === 'data') {
          frame.data.push(text);
        } else if (field === 'id') {
          frame.id = text;
        }
      }
    }
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
}

function parseFrameJson(frame) {
  try {
    return JSON.parse(frame.data);
  } catch (error) {
    console.warn(`Flowfront: skipped an event frame "${frame.id}" that is not JSON`);
    return null;
  }
}

// ---------------------------------------------------------------------------
// Following an execution.
// ---------------------------------------------------------------------------

let follower = null;

/** Loads an execution, shows its stage and follows it until it ends. */
async function openExecution(executionId) {
  stopFollowing();
  const controller = new AbortController();
  follower = { controller, executionId };
  try {
    const execution = await api.get(executionId, controller.signal);
    applyExecution(execution);
  } catch (error) {
    if (!controller.signal.aborted) {
      // Keeps the id so that "Try again" loads this execution again, not an empty form.
      fail(error, 'loading the execution', executionId);
    }
    return;
  }
  if (!isTerminal(store.execution)) {
    followExecution(executionId, controller.signal);
  }
}

/** Takes in an execution from Kestra: stores it, raises its event and keeps logs in step. */
function applyExecution(execution) {
  if (!execution || typeof execution !== 'object' || !execution.id || !execution.state) {
    return;
  }
  store.execution = execution;
  transition({ type: executionEvent(execution), executionId: execution.id });
  syncLogs();
  if (isTerminal(execution)) {
    stopFollowing();
  }
}

function stopFollowing() {
  if (follower) {
    follower.controller.abort();
    follower = null;
  }
}

/**
 * Follows the execution's event stream. A stream that breaks is opened again after a doubling
 * delay. After `RETRY.attempts` breaks in a row without a frame, the page polls instead.
 */
async function followExecution(executionId, signal) {
  let breaks = 0;
  while (!signal.aborted) {
    let sawFrame = false;
    let ended = false;
    try {
      const response = await api.followExecution(executionId, signal);
      await readEventStream(response, signal, (frame) => {
        if (frame.id !== 'progress' && frame.id !== 'end') {
          return;
        }
        const execution = parseFrameJson(frame);
        if (execution) {
          sawFrame = true;
          ended = frame.id === 'end';
          applyExecution(execution);
        }
      });
    } catch (error) {
      if (signal.aborted) {
        return;
      }
      if (error instanceof RequestFailure && error.kind === 'http' && error.status < 500 && error.status !== 429) {
        fail(error, 'following the execution');
        return;
      }
      logFailure(error, 'following the execution', true);
    }
    if (ended || signal.aborted || isTerminal(store.execution)) {
      return;
    }
    breaks = sawFrame ? 0 : breaks + 1;
    if (breaks > RETRY.attempts) {
      console.warn('Flowfront: the execution stream keeps breaking; polling instead');
      pollExecution(executionId, signal);
      return;
    }
    try {
      await delay(backoffMs(breaks), signal);
    } catch (error) {
      return;
    }
  }
}

async function pollExecution(executionId, signal) {
  while (!signal.aborted) {
    try {
      await delay(POLL_INTERVAL_MS, signal);
      applyExecution(await api.get(executionId, signal));
    } catch (error) {
      if (!signal.aborted) {
        fail(error, 'polling the execution');
      }
      return;
    }
    if (isTerminal(store.execution)) {
      return;
    }
  }
}

/** Sends the page to the ERROR stage for a failure that retries could not fix. */
function fail(error, action, executionId) {
  logFailure(error, action);
  if (!(error instanceof RequestFailure)) {
    console.error(error);
  }
  stopFollowing();
  stopLogStream();
  transition({ type: 'error', executionId, error: { message: failureMessage(error), action } });
}

// ---------------------------------------------------------------------------
// Logs: one list per execution, shared by every Logs and Stacktrace block. The stream is open
// while the execution moves, and a final list replaces what it brought once the execution ends,
// because the stream can miss entries around its switch from stored to live logs.
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
  if (!logs.stream && LIVE_STAGES.has(state.stage)) {
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

/** Downloads a FILE value of the execution through fetch, so auth headers reach Kestra. */
async function downloadFile(path, button) {
  if (!store.execution || button.getAttribute('aria-busy') === 'true') {
    return;
  }
  button.setAttribute('aria-busy', 'true');
  try {
    const { blob, fileName } = await api.file(store.execution.id, path);
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = fileName || lastPathSegment(path) || 'download';
    link.hidden = true;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 60000);
  } catch (error) {
    logFailure(error, 'downloading a file');
    announce(`The file could not be downloaded. ${failureMessage(error)}`);
  } finally {
    button.removeAttribute('aria-busy');
  }
}

function lastPathSegment(path) {
  const parts = String(path).split('/');
  try {
    return decodeURIComponent(parts[parts.length - 1]);
  } catch (error) {
    return parts[parts.length - 1];
  }
}
