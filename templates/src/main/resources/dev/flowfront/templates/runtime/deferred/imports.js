// ---------------------------------------------------------------------------
// The deferred script: the calls to Kestra and what the page needs once an execution exists. The
// page script loads it after showing the first stage, and hands over the functions both share on
// this script's element.
// ---------------------------------------------------------------------------

const runtime = document.currentScript ? document.currentScript.flowfrontRuntime : undefined;
if (!runtime) {
  throw new Error('Flowfront: the deferred script runs only when the page script loads it');
}

// The same order as sharedRuntime() in the page script's boot.js.
const [
  attach,
  currentState,
  config,
  pageRoot,
  store,
  forms,
  transition,
  scheduleRender,
  qs,
  qsa,
  element,
  isSafeUrl,
  announce,
  STAGE_LABELS,
  PAGE_FAILURE_MESSAGES,
  evaluateById,
  toText,
  createForm,
  refreshForm,
  firstInvalidField,
  focusField,
  formBody,
  showServerError,
  withLock,
  actionButtons,
  definitionsOf,
  pausedTaskId,
  segment,
  apiUrl,
  createTarget,
  REQUEST_TIMEOUT_MS,
] = runtime;
