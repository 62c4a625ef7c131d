// ---------------------------------------------------------------------------
// Hand-over: the render step, the listeners and the calls the page script makes into this one.
// ---------------------------------------------------------------------------

/** Fills what only a later stage shows, after the page script switched to `section`. */
function render(section, context) {
  // The generator writes a STATUS section with an empty [data-ff-status]; both it and the one
  // built at run time get the text of the current stage.
  if (section.dataset.ffStage === 'STATUS') {
    renderStatus(section);
  }
  if (currentState().stage === 'PAUSE') {
    updateResumeForm();
  }
  renderTypedValues(section, context);
  for (const block of qsa('[data-ff-block="Inputs"]', section)) {
    renderValueList(block, inputEntries(block), 'No inputs to show.');
  }
  for (const block of qsa('[data-ff-block="Outputs"]', section)) {
    renderValueList(block, outputEntries(block), 'No outputs yet.');
  }
  for (const block of qsa('[data-ff-block="Logs"]', section)) {
    renderLogs(block);
  }
  for (const block of qsa('[data-ff-block="Stacktrace"]', section)) {
    renderStacktrace(block);
  }
  renderRedirect(section, context);
}

/** Fills the STATUS section. Its heading is replaced only in a section the runtime built. */
function renderStatus(section) {
  const heading = qs('.ff-stage-title', section);
  if (heading && section.hasAttribute('data-ff-runtime-built')) {
    heading.textContent = STAGE_LABELS[currentState().stage] || STAGE_LABELS.FALLBACK;
  }
  let status = qs('[data-ff-status]', section);
  if (!status) {
    status = element('p', { class: 'ff-status', 'data-ff-status': '' });
    section.appendChild(status);
  }
  status.textContent = STATUS_TEXT[currentState().stage] || STATUS_TEXT.FALLBACK;
}


/** Stops the execution and log streams. */
function stop() {
  stopFollowing();
  stopLogStream();
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
  if (target.closest('[data-ff-redirect-stop]')) {
    event.preventDefault();
    stopRedirect(true);
    return;
  }
  const button = target.closest('[data-ff-action="resume"], [data-ff-action="kill"]');
  // A submit button reaches its action through the form's submit event.
  if (!button || (button.type === 'submit' && button.form)) {
    return;
  }
  event.preventDefault();
  if (button.dataset.ffAction === 'resume') {
    submitResume();
  } else {
    submitKill();
  }
}

function onSubmit(event) {
  const form = event.target;
  if (!(form instanceof HTMLFormElement) || !pageRoot.contains(form)) {
    return;
  }
  if (form.hasAttribute('data-ff-signin')) {
    event.preventDefault();
    submitSignIn(form);
  } else if (form.dataset.ffForm === 'resume') {
    event.preventDefault();
    submitResume();
  }
}

pageRoot.addEventListener('click', onClick);
pageRoot.addEventListener('submit', onSubmit);
// Leaving or reloading the page breaks open streams, so they are closed first and not reported.
window.addEventListener('pagehide', stop);
attach({ render, createExecution, adoptCreated, runServerValidation, openExecution });
