// ---------------------------------------------------------------------------
// Rendering, part 3: show the section of the current stage and fill in what exists only at run
// time. Sections are built by the generator, and the runtime only switches them and sets text.
// ---------------------------------------------------------------------------

const rendering = { frame: 0, stageChanged: false, firstDone: false, shownSection: null };
const redirect = { block: null, timer: null, remaining: 0, url: '' };

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
  rendering.shownSection = section;
  pageRoot.removeAttribute('aria-busy');

  // The generator writes a STATUS section with an empty [data-ff-status]; both it and the one
  // built here get the text of the current stage.
  if (section.dataset.ffStage === 'STATUS') {
    renderStatus(section);
  }
  if (state.stage === 'ERROR') {
    renderError(section);
  }
  if (state.stage === 'PAUSE') {
    updateResumeForm();
  }

  const context = expressionContext();
  renderExpressions(section, context);
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

  if (stageChanged) {
    afterStageChange(section);
  }
  rendering.firstDone = true;
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

/** Fills the STATUS section. Its heading is replaced only in a section the runtime built. */
function renderStatus(section) {
  const heading = qs('.ff-stage-title', section);
  if (heading && section.hasAttribute('data-ff-runtime-built')) {
    heading.textContent = STAGE_LABELS[state.stage] || STAGE_LABELS.FALLBACK;
  }
  let status = qs('[data-ff-status]', section);
  if (!status) {
    status = element('p', { class: 'ff-status', 'data-ff-status': '' });
    section.appendChild(status);
  }
  status.textContent = STATUS_TEXT[state.stage] || STATUS_TEXT.FALLBACK;
}

function renderError(section) {
  let message = qs('[data-ff-error-message]', section);
  if (!message) {
    message = element('p', { class: 'ff-error-message', 'data-ff-error-message': '' });
    section.appendChild(message);
  }
  message.textContent = state.error ? state.error.message : FAILURE_MESSAGES.other;
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
    for (const target of qsa('[data-ff-expr]', scope)) {
      const value = evaluateById(target.dataset.ffExpr, context);
      if (target.hasAttribute('data-ff-value-type')) {
        renderValue(target, value, target.dataset.ffValueType);
      } else {
        target.textContent = toText(value);
      }
    }
    for (const target of qsa('[data-ff-value-type]:not([data-ff-expr])', scope)) {
      // A TaskOutputs value without expressions arrives as text, which is shown by its type too.
      if (!target.hasAttribute('data-ff-value')) {
        target.setAttribute('data-ff-value', target.textContent);
      }
      renderValue(target, target.getAttribute('data-ff-value'), target.dataset.ffValueType);
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

// ---------------------------------------------------------------------------
// Values of inputs and outputs, shown by type.
// ---------------------------------------------------------------------------

function inputEntries(block) {
  const execution = store.execution;
  return filteredEntries(block, config.inputs || [], execution ? execution.inputs : null);
}

function outputEntries(block) {
  const execution = store.execution;
  return filteredEntries(block, config.outputs || [], execution ? execution.outputs : null);
}

/** Lists declared values in declaration order, then values the page has no definition for. */
function filteredEntries(block, definitions, values) {
  if (!values || typeof values !== 'object') {
    return [];
  }
  const include = parseJsonList(block.dataset.ffInclude);
  const exclude = parseJsonList(block.dataset.ffExclude);
  const entries = [];
  const coveredKeys = new Set();
  for (const definition of definitions) {
    const value = getNested(values, definition.id);
    coveredKeys.add(definition.id.split('.')[0]);
    if (value !== undefined) {
      entries.push({ id: definition.id, label: definition.label || definition.id, type: definition.type, value });
    }
  }
  for (const key of Object.keys(values)) {
    if (!coveredKeys.has(key)) {
      entries.push({ id: key, label: key, type: null, value: values[key] });
    }
  }
  return entries.filter(
    (entry) => (include.length === 0 || include.includes(entry.id)) && !exclude.includes(entry.id),
  );
}

function renderValueList(block, entries, emptyText) {
  let list = qs('[data-ff-values], dl.ff-values', block);
  if (!list) {
    list = element('dl', { class: 'ff-values', 'data-ff-values': '' });
    block.appendChild(list);
  }
  if (entries.length === 0) {
    list.replaceChildren(element('div', { class: 'ff-value ff-value--empty' }, [element('dt', {}, [emptyText]), element('dd', {}, [''])]));
    return;
  }
  list.replaceChildren(
    ...entries.map((entry) => {
      const value = element('dd', { 'data-ff-value-for': entry.id });
      renderValue(value, entry.value, entry.type);
      return element('div', { class: 'ff-value' }, [element('dt', {}, [entry.label]), value]);
    }),
  );
}

/** Replaces the content of `target` with a value shown by its type. */
function renderValue(target, value, type) {
  target.replaceChildren(valueNode(value, type));
}

function valueNode(value, type) {
  if (value === null || value === undefined || value === '') {
    return element('span', { class: 'ff-value-none' }, ['None']);
  }
  if (typeof value === 'string' && (type === 'FILE' || /^kestra:\/\//.test(value))) {
    const name = lastPathSegment(value) || 'file';
    return element('button', { type: 'button', class: 'ff-button ff-button--download', 'data-ff-download': value }, [`Download ${name}`]);
  }
  if (typeof value === 'boolean' || type === 'BOOL' || type === 'BOOLEAN') {
    return document.createTextNode(value === true || value === 'true' ? 'Yes' : 'No');
  }
  if (value && typeof value === 'object' && value.type === 'io.kestra.datatype:aes_encrypted') {
    return element('span', { class: 'ff-value-secret' }, ['Hidden (secret value)']);
  }
  if (typeof value === 'string' && (type === 'DATETIME' || /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(value))) {
    return dateTimeNode(value);
  }
  if (Array.isArray(value) && value.every((item) => item === null || typeof item !== 'object')) {
    return document.createTextNode(value.map(toText).join(', '));
  }
  if (typeof value === 'object' || type === 'JSON') {
    return element('pre', { class: 'ff-json' }, [typeof value === 'string' ? value : JSON.stringify(value, null, 2)]);
  }
  return document.createTextNode(toText(value));
}

/** Shows an instant in the browser's time zone, with the zone named. */
function dateTimeNode(text) {
  const date = new Date(text);
  if (Number.isNaN(date.getTime())) {
    return document.createTextNode(text);
  }
  const shown = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'long' }).format(date);
  return element('time', { datetime: date.toISOString() }, [shown]);
}

// ---------------------------------------------------------------------------
// Logs and stack traces.
// ---------------------------------------------------------------------------

function renderLogs(block) {
  const minIndex = Math.max(LOG_LEVELS.indexOf(block.dataset.ffMinLevel || 'INFO'), 0);
  const taskIds = parseJsonList(block.dataset.ffTaskIds);
  const entries = logs.entries.filter(
    (entry) =>
      LOG_LEVELS.indexOf(entry.level) >= minIndex && (taskIds.length === 0 || taskIds.includes(entry.taskId)),
  );

  let list = qs('[data-ff-log-list], ol.ff-logs', block);
  if (list && list.getAttribute('role') === 'log') {
    // A list may not take the log role (axe rules aria-allowed-role and listitem), so a wrapper does.
    const wrapper = element('div', { class: 'ff-log-region', role: 'log', 'aria-label': list.getAttribute('aria-label') || 'Execution logs' });
    list.replaceWith(wrapper);
    list.removeAttribute('role');
    list.removeAttribute('aria-label');
    list.setAttribute('data-ff-log-list', '');
    wrapper.appendChild(list);
  }
  if (!list) {
    list = element('ol', { class: 'ff-log-list', 'data-ff-log-list': '' });
    // An <ol> may not take the log role, so a wrapper carries it.
    block.appendChild(element('div', { class: 'ff-log-region', role: 'log', 'aria-label': 'Execution logs' }, [list]));
  }
  let empty = qs('[data-ff-log-empty]', block);
  if (!empty) {
    empty = element('p', { class: 'ff-log-empty', 'data-ff-log-empty': '' }, ['No log lines yet.']);
    block.appendChild(empty);
  }

  empty.hidden = entries.length > 0;
  list.hidden = entries.length === 0;
  // Appending keeps the live region quiet about lines it already announced.
  const shown = list.children.length;
  const sameStart = shown <= entries.length && (shown === 0 || list.firstElementChild.dataset.ffKey === logKey(entries[0]));
  if (!sameStart) {
    list.replaceChildren(...entries.map(logItem));
    return;
  }
  for (const entry of entries.slice(shown)) {
    list.appendChild(logItem(entry));
  }
}

function logKey(entry) {
  return [entry.timestamp, entry.taskRunId, entry.level, entry.message].join('|');
}

function logItem(entry) {
  const level = LOG_LEVELS.includes(entry.level) ? entry.level : 'INFO';
  const date = new Date(entry.timestamp);
  const time = Number.isNaN(date.getTime())
    ? element('span', { class: 'ff-log-time' }, [''])
    : element('time', { class: 'ff-log-time', datetime: date.toISOString() }, [date.toLocaleTimeString()]);
  return element('li', { class: `ff-log ff-log--${level.toLowerCase()}`, 'data-ff-key': logKey(entry) }, [
    time,
    ' ',
    element('span', { class: 'ff-log-level' }, [level]),
    ' ',
    element('span', { class: 'ff-log-task' }, [entry.taskId || '']),
    ' ',
    element('span', { class: 'ff-log-message' }, [entry.message]),
  ]);
}

function renderStacktrace(block) {
  const errors = logs.entries.filter((entry) => entry.level === 'ERROR');
  let pre = qs('[data-ff-stacktrace]', block);
  if (!pre) {
    pre = element('pre', { class: 'ff-stacktrace', 'data-ff-stacktrace': '', tabindex: '0' });
    block.appendChild(pre);
  }
  pre.textContent = errors.length > 0
    ? errors.map((entry) => `${entry.taskId ? `[${entry.taskId}] ` : ''}${entry.message}`).join('\n\n')
    : 'No error details were logged.';
}

// ---------------------------------------------------------------------------
// RedirectTo: a countdown the user can stop.
// ---------------------------------------------------------------------------

function renderRedirect(section, context) {
  const block = qs('[data-ff-block="RedirectTo"]', section);
  if (redirect.block && redirect.block !== block) {
    stopRedirect(false);
    redirect.block = null;
  }
  if (!block || redirect.block === block) {
    return;
  }

  redirect.block = block;
  const urlExpression = block.dataset.ffUrlExpr || block.dataset.ffHrefExpr;
  const url = urlExpression ? toText(evaluateById(urlExpression, context)) : block.dataset.ffUrl || '';
  const generated = qs('.ff-redirect-text', block);
  if (generated && !generated.hasAttribute('data-ff-redirect-status')) {
    generated.setAttribute('data-ff-redirect-status', '');
  }
  const status = ensureChild(block, 'p', 'data-ff-redirect-status', { class: 'ff-redirect-status' });
  if (!isSafeUrl(url) || !/^https?:/i.test(new URL(url, location.href).protocol)) {
    status.textContent = 'The next page of this app has an address that cannot be opened.';
    return;
  }

  redirect.url = new URL(url, location.href).href;
  redirect.remaining = Math.max(Math.ceil(Number(block.dataset.ffDelayMs || 0) / 1000), 0);
  const stop = ensureChild(block, 'button', 'data-ff-redirect-stop', { type: 'button', class: 'ff-button ff-button--default' });
  stop.textContent = 'Stay on this page';
  stop.hidden = false;
  updateRedirectText();
  announce(status.textContent);

  redirect.timer = setInterval(() => {
    redirect.remaining -= 1;
    if (redirect.remaining <= 0) {
      stopRedirect(false);
      location.assign(redirect.url);
      return;
    }
    updateRedirectText();
  }, 1000);
  if (redirect.remaining === 0) {
    stopRedirect(false);
    location.assign(redirect.url);
  }
}

function updateRedirectText() {
  const status = qs('[data-ff-redirect-status]', redirect.block);
  const seconds = redirect.remaining === 1 ? '1 second' : `${redirect.remaining} seconds`;
  status.replaceChildren(
    'Opening ',
    element('a', { href: redirect.url }, [redirect.url]),
    ` in ${seconds}.`,
  );
}

/** Stops the countdown. When the user stopped it, announces that and leaves a link to go on. */
function stopRedirect(byUser) {
  clearInterval(redirect.timer);
  redirect.timer = null;
  if (!byUser || !redirect.block) {
    return;
  }
  const status = qs('[data-ff-redirect-status]', redirect.block);
  status.replaceChildren('Redirect stopped. ', element('a', { href: redirect.url }, ['Open the next page']), ' when you are ready.');
  const stop = qs('[data-ff-redirect-stop]', redirect.block);
  if (stop) {
    stop.hidden = true;
  }
  announce('Redirect stopped.');
}

// ---------------------------------------------------------------------------
// Sign-in form for basic and bearer auth, built here because it is the same on every page.
// ---------------------------------------------------------------------------

const signIn = { onDone: null, returnFocus: null };

function showSignIn(message, onDone) {
  let form = qs('form[data-ff-signin]');
  if (!form) {
    form = buildSignInForm();
    pageRoot.prepend(form);
  }
  signIn.onDone = onDone;
  signIn.returnFocus = document.activeElement;
  const note = qs('[data-ff-signin-message]', form);
  note.textContent = message || (config.api.auth === 'bearer'
    ? 'Enter your Kestra API token to continue.'
    : 'Enter your Kestra user name and password to continue.');
  form.hidden = false;
  qs('.ff-stage-title', form).focus();
  announce(note.textContent);
}

function buildSignInForm() {
  const fields = config.api.auth === 'bearer'
    ? [signInField('ff-signin-token', 'token', 'API token', 'password', 'off')]
    : [
        signInField('ff-signin-user', 'username', 'User name', 'text', 'username'),
        signInField('ff-signin-password', 'password', 'Password', 'password', 'current-password'),
      ];
  return element('form', { class: 'ff-signin', 'data-ff-signin': '', novalidate: '', hidden: '', 'aria-labelledby': 'ff-signin-title' }, [
    element('h2', { class: 'ff-stage-title', id: 'ff-signin-title', tabindex: '-1' }, ['Sign in to Kestra']),
    element('p', { class: 'ff-signin-message', 'data-ff-signin-message': '' }),
    ...fields,
    element('div', { class: 'ff-field ff-field--check' }, [
      element('input', { type: 'checkbox', id: 'ff-signin-remember', name: 'remember' }),
      element('label', { for: 'ff-signin-remember' }, ['Remember until this tab is closed']),
    ]),
    element('button', { type: 'submit', class: 'ff-button ff-button--default' }, ['Sign in']),
  ]);
}

function signInField(id, name, label, type, autocomplete) {
  return element('div', { class: 'ff-field' }, [
    element('label', { for: id }, [label]),
    element('input', { id, name, type, autocomplete, required: '', spellcheck: 'false' }),
  ]);
}

function submitSignIn(form) {
  const value = (name) => {
    const control = form.elements.namedItem(name);
    return control ? control.value : '';
  };
  let header;
  if (config.api.auth === 'bearer') {
    header = value('token').trim() ? `Bearer ${value('token').trim()}` : '';
  } else {
    header = value('username') && value('password') ? basicHeader(value('username'), value('password')) : '';
  }
  const note = qs('[data-ff-signin-message]', form);
  if (!header) {
    note.textContent = config.api.auth === 'bearer' ? 'Enter your API token.' : 'Enter both your user name and your password.';
    return;
  }
  const remember = form.elements.namedItem('remember').checked;
  form.reset();
  form.hidden = true;
  const done = signIn.onDone;
  signIn.onDone = null;
  if (signIn.returnFocus && document.contains(signIn.returnFocus) && signIn.returnFocus.focus) {
    signIn.returnFocus.focus();
  }
  if (done) {
    done(header, remember);
  }
}
