// ---------------------------------------------------------------------------
// Execution client, part 2: Kestra's execution, log and file endpoints, and following an
// execution through its event stream with a polling fallback.
// ---------------------------------------------------------------------------

const api = {
  create(body, first) {
    const target = createTarget('');
    return request('POST', target.path, { body, query: target.query, first });
  },
  validate(body) {
    const target = createTarget('/validate');
    return request('POST', target.path, { body, query: target.query, retry: false });
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

/** Returns the event an execution raises: its state mapped, with resumes distinguished by the state history. */
function executionEvent(execution) {
  const current = execution && execution.state ? execution.state.current : undefined;
  const event = STATE_EVENTS[current];
  if (!event) {
    return 'unknown';
  }
  if (event === 'running' && wasPaused(execution)) {
    return 'resumed';
  }
  return event;
}

function wasPaused(execution) {
  const histories = execution.state.histories || [];
  return histories.some((entry) => entry && entry.state === 'PAUSED');
}

function isTerminal(execution) {
  return Boolean(execution && execution.state && TERMINAL_STATES.has(execution.state.current));
}

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

/** Shows a newly created execution and follows it. */
function startExecution(execution) {
  stopFollowing();
  const controller = new AbortController();
  follower = { controller, executionId: execution.id };
  applyExecution(execution);
  if (!isTerminal(execution)) {
    followExecution(execution.id, controller.signal);
  }
}

async function refreshExecution(executionId) {
  try {
    applyExecution(await api.get(executionId));
    if (!isTerminal(store.execution) && !follower) {
      const controller = new AbortController();
      follower = { controller, executionId };
      followExecution(executionId, controller.signal);
    }
  } catch (error) {
    fail(error, 'loading the execution');
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
