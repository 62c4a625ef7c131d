// ---------------------------------------------------------------------------
// Rendering, part 3: show the section of the current stage and fill in what exists only at run
// time. Sections are built by the generator, and the runtime only switches them and sets text.
// What only a later stage shows (values, logs, redirects) is the deferred script's.
// ---------------------------------------------------------------------------

const rendering = { frame: 0, stageChanged: false, firstDone: false };

/** Renders at the next animation frame, so several calls within one frame render once. */
function scheduleRender(stageChanged) {
  rendering.stageChanged = rendering.stageChanged || stageChanged;
  if (!rendering.frame) {
    rendering.frame = requestAnimationFrame(renderNow);
  }
}

function renderNow() {
  rendering.frame = 0;
  const stageChanged = rendering.stageChanged;
  rendering.stageChanged = false;
  const section = sectionFor(state.stage);
  for (const candidate of qsa('section[data-ff-stage]')) {
    candidate.hidden = candidate !== section;
  }
  pageRoot.removeAttribute('aria-busy');

  if (state.stage === 'ERROR') {
    renderError(section);
  }
  const context = expressionContext();
  renderExpressions(section, context);
  if (deferred.later) {
    deferred.later.render(section, context);
  }

  if (stageChanged) {
    afterStageChange(section);
  }
  if (!rendering.firstDone) {
    rendering.firstDone = true;
    // Loading starts once the first stage is on screen, so that it never delays the form. A
    // failed load is logged, and loaded again when a call to Kestra needs it.
    loadDeferred().catch(() => {});
  }
}

/** Returns the section that shows a stage, falling back as the page contract describes. */
function sectionFor(stage) {
  if (stage === 'ERROR') {
    return stageSection('ERROR') || builtInSection('ERROR');
  }
  if (hasLayout(stage)) {
    return stageSection(stage);
  }
  if ((stage === 'CREATED' || stage === 'RESUME') && hasLayout('RUNNING')) {
    return stageSection('RUNNING');
  }
  if (hasLayout('FALLBACK')) {
    return stageSection('FALLBACK');
  }
  return stageSection('STATUS') || builtInSection('STATUS');
}

function hasLayout(stage) {
  return (config.stages || []).includes(stage) && Boolean(stageSection(stage));
}

function stageSection(stage) {
  return qsa('section[data-ff-stage]').find((section) => section.dataset.ffStage === stage) || null;
}

/** Builds the STATUS or ERROR section when the page lacks it, as the contract's markup has it. */
function builtInSection(stage) {
  const attributes = { class: 'ff-stage', 'data-ff-stage': stage, 'data-ff-runtime-built': '', hidden: '' };
  const section = element('section', attributes, [
    element('h2', { class: 'ff-stage-title', tabindex: '-1' }, [STAGE_LABELS[stage]]),
  ]);
  pageRoot.appendChild(section);
  return section;
}

function renderError(section) {
  let message = qs('[data-ff-error-message]', section);
  if (!message) {
    message = element('p', { class: 'ff-error-message', 'data-ff-error-message': '' });
    section.appendChild(message);
  }
  message.textContent = state.error ? state.error.message : PAGE_FAILURE_MESSAGES.other;
  if (!qs('[data-ff-action="retry"]', section)) {
    section.appendChild(
      element('button', { type: 'button', class: 'ff-button ff-button--default', 'data-ff-action': 'retry' }, ['Try again']),
    );
  }
}

function afterStageChange(section) {
  updateUrl();
  const quietBoot = !rendering.firstDone && state.stage === 'OPEN';
  if (!quietBoot) {
    const heading = qs('.ff-stage-title', section);
    if (heading) {
      heading.focus();
    }
    const title = heading && heading.textContent.trim() ? heading.textContent.trim() : STAGE_LABELS[state.stage];
    announce(state.stage === 'ERROR' && state.error ? `${title}. ${state.error.message}` : title);
  }
  // One mark per stage shown lets tools time the page without watching its sections.
  performance.mark(`flowfront:stage:${state.stage}`);
  pageRoot.dispatchEvent(
    new CustomEvent('flowfront:stage', {
      bubbles: true,
      detail: { stage: state.stage, executionId: state.executionId },
    }),
  );
}

/** Keeps `?execution=<id>` in the address so a reload or a shared link returns to the execution. */
function updateUrl() {
  const url = new URL(location.href);
  if (state.executionId) {
    url.searchParams.set('execution', state.executionId);
  } else {
    url.searchParams.delete('execution');
  }
  if (url.href !== location.href) {
    history.replaceState(history.state, '', url.href);
  }
}

function renderExpressions(section, context) {
  const scopes = [section];
  const form = createForm();
  if (form && !section.contains(form)) {
    scopes.push(form);
  }
  for (const scope of scopes) {
    // Values shown by their type (TaskOutputs) are the deferred script's.
    for (const target of qsa('[data-ff-expr]:not([data-ff-value-type])', scope)) {
      target.textContent = toText(evaluateById(target.dataset.ffExpr, context));
    }
    for (const link of qsa('[data-ff-href-expr]', scope)) {
      const url = toText(evaluateById(link.dataset.ffHrefExpr, context));
      if (isSafeUrl(url)) {
        link.setAttribute('href', url);
      } else {
        link.removeAttribute('href');
      }
    }
  }
}
