// ---------------------------------------------------------------------------
// Execution client, part 1: requests to Kestra, failure kinds, retries and sign-in.
// ---------------------------------------------------------------------------

/** A failed call to Kestra. `kind` is network, timeout, http or invalid-json. */
class RequestFailure extends Error {
  constructor(kind, method, url, status, serverMessage) {
    super(`${method} ${url} failed: ${kind}${status ? ` ${status}` : ''}`);
    this.name = 'RequestFailure';
    this.kind = kind;
    this.method = method;
    this.url = url;
    this.status = status || 0;
    this.serverMessage = serverMessage || '';
  }
}

/** Returns the text a non-technical user can act on for a failure. */
function failureMessage(failure) {
  if (!failure) {
    return FAILURE_MESSAGES.other;
  }
  if (failure.kind !== 'http') {
    return FAILURE_MESSAGES[failure.kind] || FAILURE_MESSAGES.other;
  }
  if (failure.status >= 500) {
    return FAILURE_MESSAGES['5xx'];
  }
  return FAILURE_MESSAGES[failure.status] || FAILURE_MESSAGES.other;
}

/**
 * Sends one call to Kestra and returns the parsed response: JSON (`accept: 'json'`), a Blob with its
 * file name (`'blob'`), the open Response for streams (`'stream'`) or null (`'none'`).
 *
 * 5xx responses, network failures and timeouts are retried `RETRY.attempts` times with a doubling
 * delay, 429 after its Retry-After, and a 401 under basic or bearer auth asks the user to sign in
 * again and then repeats the call. Throws a RequestFailure for what remains.
 */
async function request(method, path, options) {
  const settings = Object.assign({ accept: 'json', retry: true, timeoutMs: REQUEST_TIMEOUT_MS }, options);
  const url = apiUrl(path, settings.query);
  let attempt = 0;
  // The outcome of a try the page script made already: `{ response }` or `{ failed: kind }`.
  let pendingFirst = settings.first;
  for (;;) {
    const headers = await authorizationHeaders();
    if (settings.accept === 'stream') {
      headers.Accept = 'text/event-stream';
    } else if (settings.accept === 'json') {
      headers.Accept = 'application/json';
    }
    let response;
    const timeout = startTimeout(settings.timeoutMs, settings.signal);
    try {
      if (pendingFirst) {
        const first = pendingFirst;
        pendingFirst = null;
        if (first.failed) {
          throw first;
        }
        response = first.response;
      } else {
        response = await fetch(url, {
          method,
          headers,
          body: settings.body,
          credentials: config.api.auth === 'cookie' ? 'include' : 'same-origin',
          cache: 'no-store',
          signal: timeout.signal,
        });
      }
    } catch (error) {
      timeout.clear();
      if (settings.signal && settings.signal.aborted) {
        throw error;
      }
      const kind = error && error.failed ? error.failed : timeout.expired() ? 'timeout' : 'network';
      if (settings.retry && attempt < RETRY.attempts) {
        await delay(backoffMs(attempt++), settings.signal);
        continue;
      }
      throw new RequestFailure(kind, method, url, 0);
    }
    if (settings.accept === 'stream') {
      // A stream stays open for long, so only its headers are bound by the timeout.
      timeout.clear();
    }
    try {
      if (response.status === 401 && needsSignIn()) {
        await discardBody(response);
        forgetCredentials();
        await askForCredentials(FAILURE_MESSAGES[401]);
        continue;
      }
      if (response.status === 429 && settings.retry && attempt < RETRY.attempts) {
        const waitMs = retryAfterMs(response) ?? backoffMs(attempt);
        attempt++;
        await discardBody(response);
        await delay(waitMs, settings.signal);
        continue;
      }
      if (response.status >= 500 && settings.retry && attempt < RETRY.attempts) {
        await discardBody(response);
        await delay(backoffMs(attempt++), settings.signal);
        continue;
      }
      if (!response.ok) {
        throw new RequestFailure('http', method, url, response.status, await readServerMessage(response));
      }
      return await readAnswer(response, settings.accept, method, url);
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError' && timeout.expired()) {
        throw new RequestFailure('timeout', method, url, response.status);
      }
      throw error;
    } finally {
      timeout.clear();
    }
  }
}

async function readAnswer(response, accept, method, url) {
  if (accept === 'stream') {
    return response;
  }
  if (accept === 'blob') {
    return { blob: await response.blob(), fileName: fileNameFrom(response) };
  }
  if (accept === 'none' || response.status === 204) {
    await discardBody(response);
    return null;
  }
  const text = await response.text();
  if (!text) {
    return null;
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new RequestFailure('invalid-json', method, url, response.status);
  }
}

/** Reads Kestra's error text: the JSON `message` (and constraint messages) or the plain body. */
async function readServerMessage(response) {
  let text = '';
  try {
    text = await response.text();
  } catch (error) {
    return '';
  }
  try {
    const body = JSON.parse(text);
    const messages = [];
    if (body && typeof body.message === 'string') {
      messages.push(body.message);
    }
    const embedded = body && body._embedded && Array.isArray(body._embedded.errors) ? body._embedded.errors : [];
    for (const entry of embedded) {
      if (entry && typeof entry.message === 'string' && !messages.includes(entry.message)) {
        messages.push(entry.message);
      }
    }
    return messages.join('\n');
  } catch (error) {
    return text.slice(0, 500);
  }
}

async function discardBody(response) {
  try {
    await response.arrayBuffer();
  } catch (error) {
    // The body is not needed, so a broken one changes nothing.
  }
}

function fileNameFrom(response) {
  const header = response.headers.get('Content-Disposition') || '';
  const extended = /filename\*\s*=\s*(?:UTF-8'')?([^;]+)/i.exec(header);
  if (extended) {
    try {
      return decodeURIComponent(extended[1].trim().replace(/^"|"$/g, ''));
    } catch (error) {
      // Fall through to the plain file name.
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(header);
  return plain ? plain[1].trim() : '';
}

/** Returns the wait a 429 requests, from Retry-After in seconds or as an HTTP date. */
function retryAfterMs(response) {
  const header = response.headers.get('Retry-After');
  if (!header) {
    return null;
  }
  const seconds = Number(header);
  const waitMs = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(header) - Date.now();
  if (!Number.isFinite(waitMs)) {
    return null;
  }
  return Math.min(Math.max(waitMs, 0), RETRY.maxDelayMs);
}

function backoffMs(attempt) {
  return Math.min(RETRY.baseDelayMs * 2 ** attempt, RETRY.maxDelayMs);
}

/** Returns an abort signal that fires after `timeoutMs` or when `outer` aborts. */
function startTimeout(timeoutMs, outer) {
  const controller = new AbortController();
  let expired = false;
  const timer = setTimeout(() => {
    expired = true;
    controller.abort();
  }, timeoutMs);
  const onOuterAbort = () => controller.abort();
  if (outer) {
    if (outer.aborted) {
      controller.abort();
    } else {
      outer.addEventListener('abort', onOuterAbort, { once: true });
    }
  }
  return {
    signal: controller.signal,
    expired: () => expired,
    clear: () => {
      clearTimeout(timer);
      if (outer) {
        outer.removeEventListener('abort', onOuterAbort);
      }
    },
  };
}

/** Waits `ms`, or rejects with an AbortError as soon as `signal` aborts. */
function delay(ms, signal) {
  return new Promise((resolve, reject) => {
    if (signal && signal.aborted) {
      reject(new DOMException('Aborted', 'AbortError'));
      return;
    }
    const timer = setTimeout(() => {
      if (signal) {
        signal.removeEventListener('abort', onAbort);
      }
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new DOMException('Aborted', 'AbortError'));
    };
    if (signal) {
      signal.addEventListener('abort', onAbort, { once: true });
    }
  });
}

/**
 * Logs a failure for developers: the URL (never a credential), the status and the execution id.
 * Failures the page recovers from by itself are warnings, and the rest are errors.
 */
function logFailure(failure, action, recovered) {
  const status = failure && failure.status ? failure.status : 'none';
  const url = failure && failure.url ? failure.url : 'none';
  const kind = failure && failure.kind ? failure.kind : String(failure);
  const text = `Flowfront: ${action} failed (${kind}); url=${url} status=${status} execution=${currentState().executionId || 'none'}`;
  if (recovered) {
    console.warn(text);
  } else {
    console.error(text);
  }
}

// ---------------------------------------------------------------------------
// Sign-in for basic and bearer auth. Credentials stay in memory, and in sessionStorage only
// when the user ticks "Remember".
// ---------------------------------------------------------------------------

const auth = { header: null, pending: null };

function needsSignIn() {
  return config.api.auth === 'basic' || config.api.auth === 'bearer';
}

async function authorizationHeaders() {
  if (!needsSignIn()) {
    return {};
  }
  if (!auth.header) {
    auth.header = readStoredCredentials();
  }
  if (!auth.header) {
    await askForCredentials('');
  }
  return { Authorization: auth.header };
}

function storageKey() {
  return AUTH_STORAGE_KEY + (config.api.baseUrl || location.origin);
}

function readStoredCredentials() {
  try {
    return sessionStorage.getItem(storageKey());
  } catch (error) {
    return null;
  }
}

function forgetCredentials() {
  auth.header = null;
  try {
    sessionStorage.removeItem(storageKey());
  } catch (error) {
    // Storage may be disabled, and memory is already cleared.
  }
}

/**
 * Shows the sign-in form and resolves once the user submitted it. Calls that need credentials
 * meanwhile share the same pending sign-in.
 */
function askForCredentials(message) {
  if (!auth.pending) {
    auth.pending = new Promise((resolve) => {
      showSignIn(message, (header, remember) => {
        auth.header = header;
        if (remember) {
          try {
            sessionStorage.setItem(storageKey(), header);
          } catch (error) {
            // Storage may be disabled, but the credentials still live in memory.
          }
        }
        auth.pending = null;
        resolve();
      });
    });
  }
  return auth.pending;
}

function basicHeader(user, password) {
  const bytes = new TextEncoder().encode(`${user}:${password}`);
  let binary = '';
  for (const byte of bytes) {
    binary += String.fromCharCode(byte);
  }
  return `Basic ${btoa(binary)}`;
}
