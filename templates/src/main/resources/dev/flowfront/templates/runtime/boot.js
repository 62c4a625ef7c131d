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
  if (!(form instanceof HTMLFormElement) || !pageRoot.contains(form)) {
    return;
  }
  if (form.hasAttribute('data-ff-signin')) {
    event.preventDefault();
    submitSignIn(form);
    return;
  }
  const kind = form.dataset.ffForm;
  if (kind === 'create') {
    event.preventDefault();
    submitCreate();
  } else if (kind === 'resume') {
    event.preventDefault();
    submitResume();
  }
}

function onClick(event) {
  const target = event.target instanceof Element ? event.target : null;
  if (!target) {
    return;
  }
  const download = target.closest('[data-ff-download]');
  if (download) {
    event.preventDefault();
    downloadFile(download.dataset.ffDownload, download);
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
  if (target.closest('[data-ff-redirect-stop]')) {
    event.preventDefault();
    stopRedirect(true);
    return;
  }

  const button = target.closest('[data-ff-action]');
  if (!button) {
    return;
  }

  const action = button.dataset.ffAction;
  // A submit button of a form reaches its action through the form's submit event.
  if ((action === 'create' || action === 'resume') && button.type === 'submit' && button.form) {
    if (button.getAttribute('aria-disabled') === 'true') {
      event.preventDefault();
    }
    return;
  }
  event.preventDefault();
  if (action === 'create') {
    submitCreate();
  } else if (action === 'resume') {
    submitResume();
  } else if (action === 'kill') {
    submitKill();
  } else if (action === 'retry') {
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
    transition({ type: 'error', error: { message: FAILURE_MESSAGES.config, action: 'reading the page configuration' } });
    return;
  }
  // Leaving or reloading the page breaks open streams, so they are closed first and not reported.
  window.addEventListener('pagehide', () => {
    stopFollowing();
    stopLogStream();
  });
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
    openExecution(requested);
  } else if (isClosed()) {
    transition({ type: 'error', error: { message: FAILURE_MESSAGES.closed, action: 'opening the app' } });
  } else {
    scheduleRender(true);
  }
}

if (document.readyState === 'loading') {
  document.addEventListener('DOMContentLoaded', boot, { once: true });
} else {
  boot();
}
