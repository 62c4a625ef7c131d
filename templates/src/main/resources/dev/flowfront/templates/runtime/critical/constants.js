// ---------------------------------------------------------------------------
// Constants: the text shown while the form is open or the page has failed.
// ---------------------------------------------------------------------------

/** Quiet time after the last keystroke before the validate endpoint is called. */
const VALIDATE_DEBOUNCE_MS = 300;

/** Text for each stage, used when a stage has no layout and for the live region. */
const STAGE_LABELS = Object.freeze({
  OPEN: 'Form',
  CREATED: 'Request received',
  RUNNING: 'Request in progress',
  PAUSE: 'Waiting for approval',
  RESUME: 'Request resumed',
  SUCCESS: 'Request completed',
  FAILURE: 'Request failed',
  ERROR: 'Something went wrong',
  FALLBACK: 'Request status',
});

/** Time a request may take until its response headers arrive. */
const REQUEST_TIMEOUT_MS = 30000;

/** Messages for failures of the page itself, and the one for a failure nothing else names. */
const PAGE_FAILURE_MESSAGES = Object.freeze({
  other: 'Kestra could not handle the request. Try again, or contact the owner of this app.',
  closed: 'This app is not open right now. Come back while it is available.',
  config: 'This page is missing its configuration. Contact the owner of this app.',
  script: 'Part of this page did not load. Check your connection, then try again.',
});
