// ---------------------------------------------------------------------------
// Boot: read the page configuration, wire the events and show the first stage.
// ---------------------------------------------------------------------------

/** The page configuration from `#flowfront-app`, frozen at boot. */
let config = null;

/** The `<main id="flowfront">` element everything lives in. */
let pageRoot = null;

function readConfig(source) {
  const raw = JSON.parse(source.textContent);
  const api = Object.assign({ baseUrl: '', tenant: '', auth: 'none' }, raw.api);
  if (!['none', 'basic', 'bearer', 'cookie'].includes(api.auth)) {
    console.warn(`Flowfront: unknown auth mode "${api.auth}"; sending no credentials`);
    api.auth = 'none';
  }
  return deepFreeze(
    Object.assign({}, raw, {
      api,
      app: Object.assign({ flowRevision: null, executionId: null }, raw.app),
      expressions: raw.expressions || {},
      inputs: raw.inputs || [],
      outputs: raw.outputs || [],
      resume: raw.resume || {},
      stages: raw.stages || [],
      expiration: raw.expiration || {},
    }),
  );
}

/** Returns whether now lies outside the app's expiration window. */
function isClosed() {
  const now = Date.now();
  const start = config.expiration.startDate ? Date.parse(config.expiration.startDate) : NaN;
  const end = config.expiration.endDate ? Date.parse(config.expiration.endDate) : NaN;
  return (Number.isFinite(start) && now < start) || (Number.isFinite(end) && now > end);
}

function onSubmit(event) {
  const form = event.target;
  // The deferred script handles the resume and sign-in forms, which only it shows.
  if (form instanceof HTMLFormElement && pageRoot.contains(form) && form.dataset.ffForm === 'create') {
    event.preventDefault();
    submitCreate();
  }
}

function onClick(event) {
  const target = event.target instanceof Element ? event.target : null;
  if (!target) {
    return;
  }
  const arrayButton = target.closest('[data-ff-array-add], [data-ff-array-remove]');
  if (arrayButton) {
    event.preventDefault();
    const form = arrayButton.closest('form[data-ff-form]');
    if (arrayButton.hasAttribute('data-ff-array-add')) {
      addArrayRow(arrayButton);
    } else {
      removeArrayRow(arrayButton);
    }
    if (form) {
      refreshForm(form, definitionsOf(form));
      scheduleRender(false);
    }
    return;
  }

  const button = target.closest('[data-ff-action]');
  if (!button) {
    return;
  }
  // A submit button of a form reaches its action through the form's submit event, unless the
  // action is already in flight.
  if (button.type === 'submit' && button.form) {
    if (button.getAttribute('aria-disabled') === 'true') {
      event.preventDefault();
    }
    return;
  }
  // The deferred script handles resume, kill, downloads and redirects, which later stages show.
  const action = button.dataset.ffAction;
  if (action === 'create') {
    event.preventDefault();
    submitCreate();
  } else if (action === 'retry') {
    event.preventDefault();
    retryAfterError();
  }
}

function onFieldEvent(event) {
  const field = event.target instanceof Element ? event.target.closest('.ff-field[data-ff-input]') : null;
  const form = field ? field.closest('form[data-ff-form]') : null;
  if (!form) {
    return;
  }
  const key = fieldKey(form, field.dataset.ffInput);
  if (event.type === 'input' || event.type === 'change') {
    forms.serverErrors.delete(key);
  }
  if (event.type === 'change' || event.type === 'focusout') {
    forms.touched.add(key);
  }
  refreshForm(form, definitionsOf(form));
  if (form.dataset.ffForm === 'create') {
    if (event.type !== 'focusout') {
      scheduleServerValidation();
    }
    if (state.stage === 'OPEN') {
      scheduleRender(false);
    }
  }
}

// ---------------------------------------------------------------------------
// The deferred script: the calls to Kestra and the later stages. This script names its URL and
// integrity in data attributes and hands it the functions both share on the deferred script's
// own element, so that neither script adds a global.
// ---------------------------------------------------------------------------

/** The `<script>` element this script runs from, read while it runs. */
const ownScript = document.currentScript;

/** The load of the deferred script, and what it handed over once it ran. */
const deferred = { promise: null, later: null };

/**
 * Loads the deferred script once and resolves with what it hands over: `render`,
 * `createExecution`, `adoptCreated`, `runServerValidation` and `openExecution`. A failed load rejects, and the next
 * call loads it again.
 */
function loadDeferred() {
  if (deferred.promise) {
    return deferred.promise;
  }
  deferred.promise = new Promise((resolve, reject) => {
    const source = ownScript ? ownScript.dataset : {};
    const script = element('script', { src: source.ffDeferredSrc || '' });
    if (source.ffDeferredIntegrity) {
      script.integrity = source.ffDeferredIntegrity;
    }
    const failed = () => {
      const url = script.src || '(the page script has no data-ff-deferred-src)';
      console.error(`Flowfront: the deferred script ${url} failed to load (network, integrity or missing file)`);
      script.remove();
      deferred.promise = null;
      reject(new Error('the deferred script did not load'));
    };
    // The browser fires `error` for a network failure, a failed integrity check or an empty URL.
    script.addEventListener('error', failed);
    script.addEventListener('load', () => {
      if (!deferred.later) {
        failed();
      }
    });
    script.flowfrontRuntime = sharedRuntime((later) => {
      deferred.later = later;
      resolve(later);
      scheduleRender(false);
    });
    document.head.appendChild(script);
  });
  return deferred.promise;
}

/** Shows the ERROR stage for a deferred script that did not load. "Try again" loads it again. */
function failToLoad(executionId) {
  transition({
    type: 'error',
    executionId,
    error: { message: PAGE_FAILURE_MESSAGES.script, action: 'loading the page script' },
  });
}

/**
 * Returns what the deferred script uses from this one: a function to hand over its own, one that
 * returns the current state, then shared values and functions. It is an array, not an object,
 * because the minifier shortens local names but keeps property names. deferred/imports.js takes
 * it apart in the same order, and a test checks that both lists match.
 */
function sharedRuntime(attach) {
  return [
    attach,
    () => state,
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
  ];
}

function boot() {
  pageRoot = document.getElementById('flowfront');
  const source = document.getElementById('flowfront-app');
  if (!pageRoot || !source) {
    console.error('Flowfront: this page has no #flowfront element or no #flowfront-app configuration');
    return;
  }
  try {
    config = readConfig(source);
  } catch (error) {
    console.error(`Flowfront: the #flowfront-app configuration is not valid JSON: ${error.message}`);
    config = readConfig({ textContent: '{}' });
    transition({ type: 'error', error: { message: PAGE_FAILURE_MESSAGES.config, action: 'reading the page configuration' } });
    return;
  }
  pageRoot.addEventListener('submit', onSubmit);
  pageRoot.addEventListener('click', onClick);
  pageRoot.addEventListener('input', onFieldEvent);
  pageRoot.addEventListener('change', onFieldEvent);
  pageRoot.addEventListener('focusout', onFieldEvent);
  convertUtcControls();
  refreshForm(createForm(), config.inputs);

  const requested = new URLSearchParams(location.search).get('execution') || config.app.executionId;
  if (requested) {
    pageRoot.setAttribute('aria-busy', 'true');
    loadDeferred().then(
      (later) => later.openExecution(requested),
      () => failToLoad(requested),
    );
  } else if (isClosed()) {
    transition({ type: 'error', error: { message: PAGE_FAILURE_MESSAGES.closed, action: 'opening the app' } });
  } else {
    scheduleRender(true);
  }
}

if (document.readyState === 'loading') {
  document.addEventListener('DOMContentLoaded', boot, { once: true });
} else {
  boot();
}
