// ---------------------------------------------------------------------------
// Constants: Kestra states, retries, log levels, polling and the text of later stages.
// ---------------------------------------------------------------------------

/** Kestra execution states mapped to the state-machine event each one raises. */
const STATE_EVENTS = Object.freeze({
  CREATED: 'queued',
  QUEUED: 'queued',
  SUBMITTED: 'queued',
  RUNNING: 'running',
  RESTARTED: 'running',
  KILLING: 'running',
  RETRYING: 'running',
  BREAKPOINT: 'running',
  PAUSED: 'paused',
  SUCCESS: 'succeeded',
  WARNING: 'succeeded',
  SKIPPED: 'succeeded',
  RETRIED: 'succeeded',
  RESUBMITTED: 'succeeded',
  FAILED: 'failed',
  KILLED: 'failed',
  CANCELLED: 'failed',
});

/** Kestra states after which an execution changes no more (Kestra 1.3 `State.isTerminated`). */
const TERMINAL_STATES = new Set([
  'SUCCESS',
  'WARNING',
  'SKIPPED',
  'RETRIED',
  'RESUBMITTED',
  'FAILED',
  'KILLED',
  'CANCELLED',
]);

/** Stages that show an execution which is still moving, so logs and the stream stay live. */
const LIVE_STAGES = new Set(['CREATED', 'RUNNING', 'PAUSE', 'RESUME', 'FALLBACK']);

/** Log levels from the most to the least verbose, as Kestra's `minLevel` accepts them. */
const LOG_LEVELS = Object.freeze(['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR']);

/** Interval of the polling fallback once the event stream cannot be kept open. */
const POLL_INTERVAL_MS = 2000;

/** Status text of the built-in STATUS section, per stage. */
const STATUS_TEXT = Object.freeze({
  CREATED: 'Your request was received and will start shortly.',
  RUNNING: 'Your request is being processed. This page updates by itself.',
  PAUSE: 'Your request is waiting for approval.',
  RESUME: 'Your request was approved and is being processed again.',
  SUCCESS: 'Your request completed successfully.',
  FAILURE: 'Your request did not complete.',
  FALLBACK: 'Your request is in a state this page does not know. This page updates by itself.',
});

/** Key prefix of credentials kept in sessionStorage when the user asks for it. */
const AUTH_STORAGE_KEY = 'flowfront.auth:';

/** Retries of 5xx, 429 and network failures. The delay doubles from `baseDelayMs`. */
const RETRY = Object.freeze({ attempts: 3, baseDelayMs: 400, maxDelayMs: 30000 });

/** Messages a user can act on, per kind of failure and HTTP status, and those of the page script. */
const FAILURE_MESSAGES = Object.freeze({
  ...PAGE_FAILURE_MESSAGES,
  network: 'This page cannot reach Kestra. Check your connection, then try again.',
  timeout: 'Kestra took too long to answer. Try again in a moment.',
  'invalid-json': 'Kestra sent an answer this page cannot read. Try again, or contact the owner of this app.',
  401: 'Kestra did not accept your sign-in. Sign in again, or ask your Kestra administrator for access.',
  403: 'You do not have access to this app in Kestra. Ask your Kestra administrator for access.',
  404: 'This request no longer exists in Kestra. Start a new request.',
  409: 'Kestra cannot do this right now because the request changed meanwhile. Reload the page to see its state.',
  413: 'The files you attached are too large for Kestra. Attach smaller files, then submit again.',
  422: 'Kestra rejected the request. Check the form, then submit again.',
  429: 'Kestra is busy. Wait a minute, then try again.',
  '5xx': 'Kestra is not responding right now. Try again in a few minutes.',
});
