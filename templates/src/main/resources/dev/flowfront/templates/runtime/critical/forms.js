// ---------------------------------------------------------------------------
// Rendering, part 2: forms. Field values in Kestra's wire format, dependsOn conditions,
// client-side validation and field errors, and the submit of the create form with its first
// request. The deferred script sends the other calls to Kestra, with the same locks and field
// errors.
// ---------------------------------------------------------------------------

/** Form state that is not the page stage: touched fields, server decisions and action locks. */
const forms = {
  touched: new Set(),
  submitted: new Set(),
  serverEnabled: new Map(),
  serverErrors: new Map(),
  locks: new Set(),
  validateTimer: null,
  validateController: null,
};

function inputDefinition(id, definitions) {
  return (definitions || config.inputs || []).find((input) => input.id === id);
}

/** Returns whether a field is on screen: neither it nor its resume fieldset is hidden. */
function isFieldShown(field) {
  const fieldset = field.closest('fieldset');
  return !field.hidden && !(fieldset && fieldset.hidden);
}

function fieldsOf(container) {
  return container ? qsa('.ff-field[data-ff-input]', container) : [];
}

function controlsOf(field) {
  const id = field.dataset.ffInput;
  return qsa('input, select, textarea', field).filter((control) => control.name === id);
}

/** Reads a field as typed: text, a boolean, a list, a File, or null when it is empty. */
function readField(field) {
  const type = field.dataset.ffType;
  const controls = controlsOf(field);
  if (controls.length === 0) {
    return null;
  }
  if (type === 'FILE') {
    const files = controls[0].files;
    return files && files.length > 0 ? files[0] : null;
  }
  if (type === 'MULTISELECT') {
    const values = [];
    for (const control of controls) {
      if (control.tagName === 'SELECT') {
        values.push(...Array.from(control.selectedOptions, (option) => option.value));
      } else if (control.type === 'checkbox' || control.type === 'radio') {
        if (control.checked) {
          values.push(control.value);
        }
      } else if (control.value !== '') {
        // The "other values" box of a checkbox group takes comma-separated values.
        const separator = control.hasAttribute('data-ff-custom') ? ',' : '\n';
        values.push(...control.value.split(separator).map((item) => item.trim()).filter((item) => item !== ''));
      }
    }
    return values.length > 0 ? values : null;
  }
  if (type === 'ARRAY') {
    // One control per row, or a single text area with a JSON array or one item per line.
    const values = controls.length === 1 && controls[0].tagName === 'TEXTAREA'
      ? parseListText(controls[0].value)
      : controls.filter((control) => control.value !== '').map((control) => arrayItemText(control));
    return values.length > 0 ? values : null;
  }
  if (controls[0].type === 'radio') {
    const checked = controls.find((control) => control.checked);
    return checked && checked.value !== '' ? checked.value : null;
  }
  if (controls[0].type === 'checkbox') {
    return controls[0].checked;
  }
  const value = controls[0].value;
  return value === '' ? null : value;
}

/** Returns an ARRAY row as Kestra reads the item: date-times as instants, the rest as typed. */
function arrayItemText(control) {
  return control.type === 'datetime-local' ? wireText('DATETIME', control.value) : control.value;
}

/** Adds a row to an ARRAY editor from its template and focuses the new control. */
function addArrayRow(button) {
  const editor = button.closest('[data-ff-array]');
  const template = editor ? qs('template[data-ff-array-template]', editor) : null;
  const list = editor ? qs('.ff-array-items', editor) : null;
  if (!template || !list) {
    return;
  }
  list.appendChild(template.content.cloneNode(true));
  labelArrayRows(editor);
  const controls = qsa('input, select, textarea', list);
  controls[controls.length - 1].focus();
}

function removeArrayRow(button) {
  const editor = button.closest('[data-ff-array]');
  const row = button.closest('li');
  if (!editor || !row) {
    return;
  }
  row.remove();
  labelArrayRows(editor);
  const add = qs('[data-ff-array-add]', editor);
  if (add) {
    add.focus();
  }
}

/** Names each row's control after the field label, because only the first row has a <label>. */
function labelArrayRows(editor) {
  const labelId = editor.getAttribute('aria-labelledby');
  const label = labelId ? document.getElementById(labelId) : null;
  const name = label ? label.textContent.replace(/\s*\*$/, '').trim() : 'Item';
  qsa('.ff-array-items > li', editor).forEach((row, index) => {
    const control = qs('input, select, textarea', row);
    if (control && !control.id) {
      control.setAttribute('aria-label', `${name}, item ${index + 1}`);
    }
    const remove = qs('[data-ff-array-remove]', row);
    if (remove) {
      remove.setAttribute('aria-label', `Remove item ${index + 1}`);
    }
  });
}

/**
 * Converts the UTC wall-clock times the generator writes into date-time controls marked
 * `data-ff-utc` (value, min and max) to the user's time zone, so they mean the same instant.
 */
function convertUtcControls() {
  for (const control of qsa('input[data-ff-utc]')) {
    for (const attribute of ['value', 'min', 'max']) {
      const text = control.getAttribute(attribute);
      if (text) {
        control.setAttribute(attribute, utcToLocalWallClock(text));
      }
    }
    if (control.value) {
      control.value = utcToLocalWallClock(control.value);
    }
    control.removeAttribute('data-ff-utc');
  }
}

function utcToLocalWallClock(text) {
  const instant = new Date(/[zZ]|[+-]\d{2}:?\d{2}$/.test(text) ? text : `${text}Z`);
  if (Number.isNaN(instant.getTime())) {
    return text;
  }
  const pad = (number) => String(number).padStart(2, '0');
  return `${instant.getFullYear()}-${pad(instant.getMonth() + 1)}-${pad(instant.getDate())}T${pad(instant.getHours())}:${pad(instant.getMinutes())}:${pad(instant.getSeconds())}`;
}

/** Reads a list typed as a JSON array, or one item per line. */
function parseListText(text) {
  const trimmed = text.trim();
  if (trimmed.startsWith('[')) {
    try {
      const parsed = JSON.parse(trimmed);
      if (Array.isArray(parsed)) {
        return parsed;
      }
    } catch (error) {
      // Not JSON: read it line by line below.
    }
  }
  return trimmed
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/** Returns a value as Kestra reads it from a multipart text part (see the input wire formats). */
function wireText(type, value) {
  if (type === 'MULTISELECT' || type === 'ARRAY') {
    return JSON.stringify(value);
  }
  if (type === 'DATETIME') {
    // datetime-local gives a wall-clock time in the browser's zone, but Kestra expects an instant.
    const instant = new Date(value);
    return Number.isNaN(instant.getTime()) ? String(value) : instant.toISOString();
  }
  if (typeof value === 'boolean') {
    return value ? 'true' : 'false';
  }
  // DATE and TIME go as typed: yyyy-MM-dd and HH:mm do not depend on the time zone.
  return String(value);
}

/** Typed values of the enabled fields, nested by dotted id as Kestra nests `inputs`. */
function liveInputValues() {
  const form = createForm();
  const values = {};
  for (const field of fieldsOf(form)) {
    if (field.hidden) {
      continue;
    }
    const value = typedValue(field.dataset.ffType, readField(field));
    if (value !== null && !(value instanceof File)) {
      setNested(values, field.dataset.ffInput, value);
    } else if (value instanceof File) {
      setNested(values, field.dataset.ffInput, value.name);
    }
  }
  return values;
}

function typedValue(type, value) {
  if (value === null || typeof value !== 'string') {
    return value;
  }
  if ((type === 'INT' || type === 'FLOAT') && value.trim() !== '' && Number.isFinite(Number(value))) {
    return Number(value);
  }
  if (type === 'BOOLEAN' || type === 'BOOL') {
    return value === 'true';
  }
  return value;
}

function setNested(target, dottedId, value) {
  const keys = dottedId.split('.');
  let node = target;
  for (const key of keys.slice(0, -1)) {
    if (!node[key] || typeof node[key] !== 'object') {
      node[key] = {};
    }
    node = node[key];
  }
  node[keys[keys.length - 1]] = value;
}

function createForm() {
  return qs('form[data-ff-form="create"]');
}

// ---------------------------------------------------------------------------
// dependsOn: a field is shown only while every input it depends on is shown and has a value,
// and its condition holds. Hidden fields are neither validated nor sent.
// ---------------------------------------------------------------------------

function updateDependencies(container, definitions) {
  const fields = fieldsOf(container);
  const byId = new Map(fields.map((field) => [field.dataset.ffInput, field]));
  const enabled = new Map();
  const values = {};
  const resolve = (id, seen) => {
    if (enabled.has(id)) {
      return enabled.get(id);
    }
    if (seen.has(id)) {
      return false;
    }
    seen.add(id);
    const definition = inputDefinition(id, definitions);
    const dependsOn = definition ? definition.dependsOn : null;
    let result = true;
    if (dependsOn) {
      for (const parent of dependsOn.inputs || []) {
        if (!byId.has(parent)) {
          continue;
        }
        if (!resolve(parent, seen) || readField(byId.get(parent)) === null) {
          result = false;
        }
      }
      if (result && dependsOn.server) {
        result = forms.serverEnabled.get(id) === true;
      } else if (result && dependsOn.condition) {
        result = truthy(evaluateById(dependsOn.condition, Object.assign(expressionContext(), { inputs: values })));
      }
    }
    enabled.set(id, result);
    if (result && byId.has(id)) {
      const value = typedValue(byId.get(id).dataset.ffType, readField(byId.get(id)));
      if (value !== null) {
        setNested(values, id, value instanceof File ? value.name : value);
      }
    }
    return result;
  };
  for (const field of fields) {
    const definition = inputDefinition(field.dataset.ffInput, definitions);
    const value = typedValue(field.dataset.ffType, readField(field));
    if (!(definition && definition.dependsOn) && value !== null) {
      setNested(values, field.dataset.ffInput, value instanceof File ? value.name : value);
    }
  }
  for (const field of fields) {
    resolve(field.dataset.ffInput, new Set());
  }
  for (const field of fields) {
    const shown = enabled.get(field.dataset.ffInput);
    if (field.hidden === shown) {
      field.hidden = !shown;
      for (const control of controlsOf(field)) {
        control.disabled = !shown;
      }
    }
  }
}

function hasServerConditions() {
  return (config.inputs || []).some((input) => input.dependsOn && input.dependsOn.server);
}

/** Asks Kestra's validate endpoint which inputs are enabled, a moment after the last change. */
function scheduleServerValidation() {
  if (!hasServerConditions()) {
    return;
  }
  clearTimeout(forms.validateTimer);
  forms.validateTimer = setTimeout(() => {
    // The deferred script calls Kestra. If it cannot load, loadDeferred logs it and the next
    // submit shows it.
    loadDeferred().then((later) => later.runServerValidation(), () => {});
  }, VALIDATE_DEBOUNCE_MS);
}

// ---------------------------------------------------------------------------
// Validation and field errors. An error shows once its field was touched or a submit was tried.
// ---------------------------------------------------------------------------

/** Re-evaluates conditions and shows or clears the errors of one form. */
function refreshForm(form, definitions) {
  if (!form) {
    return;
  }
  updateDependencies(form, definitions);
  for (const field of fieldsOf(form)) {
    const id = field.dataset.ffInput;
    const message = isFieldShown(field) ? forms.serverErrors.get(fieldKey(form, id)) || clientError(field) : '';
    const visible = forms.submitted.has(form.dataset.ffForm) || forms.touched.has(fieldKey(form, id));
    showFieldError(field, visible ? message : '');
  }
}

function fieldKey(form, id) {
  return `${form.dataset.ffForm}:${id}`;
}

/** Returns the browser's constraint message for the first invalid control, or ''. */
function clientError(field) {
  for (const control of controlsOf(field)) {
    if (control.disabled) {
      continue;
    }
    if (!control.checkValidity()) {
      return control.validationMessage;
    }
  }
  if (field.dataset.ffType === 'JSON') {
    const value = readField(field);
    if (typeof value === 'string') {
      try {
        JSON.parse(value);
      } catch (error) {
        return 'Enter valid JSON.';
      }
    }
  }
  return '';
}

function showFieldError(field, message) {
  const errorElement = qs('[data-ff-error-for]', field);
  const controls = controlsOf(field);
  if (errorElement) {
    errorElement.textContent = message;
    errorElement.hidden = !message;
  }
  for (const control of controls) {
    const describedBy = (control.getAttribute('aria-describedby') || '').split(/\s+/).filter(Boolean);
    const errorId = errorElement ? errorElement.id : '';
    const others = describedBy.filter((id) => id !== errorId);
    if (message) {
      control.setAttribute('aria-invalid', 'true');
      if (errorId) {
        control.setAttribute('aria-describedby', [...others, errorId].join(' '));
      }
    } else {
      control.removeAttribute('aria-invalid');
      if (others.length > 0) {
        control.setAttribute('aria-describedby', others.join(' '));
      } else {
        control.removeAttribute('aria-describedby');
      }
    }
  }
}

/** Returns the first visible field with an error, after showing every error of the form. */
function firstInvalidField(form, definitions) {
  forms.submitted.add(form.dataset.ffForm);
  refreshForm(form, definitions);
  return fieldsOf(form).find((field) => isFieldShown(field) && qs('[data-ff-error-for]:not([hidden])', field));
}

function focusField(field) {
  const control = controlsOf(field).find((candidate) => !candidate.disabled);
  if (control) {
    control.focus();
  }
}

/** Builds the multipart body from the visible fields that hold a value. */
function formBody(container, withFiles) {
  const body = new FormData();
  for (const field of fieldsOf(container)) {
    if (!isFieldShown(field)) {
      continue;
    }
    const id = field.dataset.ffInput;
    const value = readField(field);
    if (value === null) {
      continue;
    }
    if (value instanceof File) {
      if (withFiles) {
        body.append(id, value, value.name);
      }
      continue;
    }
    body.append(id, wireText(field.dataset.ffType, value));
  }
  return body;
}

/**
 * Puts a 422 message next to the field it names. Returns whether a visible field of the form was
 * named. Kestra words these as "Invalid value for input `id`" or "Missing required input:id".
 */
function showServerError(form, failure) {
  const text = failure.serverMessage || '';
  const match = /input `([^`]+)`/.exec(text) || /Missing required input:\s*([^\s.,]+)/.exec(text);
  if (!match) {
    return false;
  }
  const field = fieldsOf(form).find((candidate) => candidate.dataset.ffInput === match[1] && !candidate.hidden);
  if (!field) {
    return false;
  }
  const cause = /Cause:\s*([\s\S]+)$/.exec(text);
  let message = cause ? cause[1].trim() : text.replace(/^Invalid entity:\s*/, '');
  if (/Missing required input/.test(text)) {
    message = 'This field is required.';
  }
  message = message.charAt(0).toUpperCase() + message.slice(1);
  forms.serverErrors.set(fieldKey(form, match[1]), message);
  forms.submitted.add(form.dataset.ffForm);
  refreshForm(form, definitionsOf(form));
  focusField(field);
  return true;
}

function definitionsOf(form) {
  if (form && form.dataset.ffForm === 'resume') {
    const task = pausedTaskId();
    return (config.resume && config.resume[task]) || [];
  }
  return config.inputs;
}

// ---------------------------------------------------------------------------
// Actions. A lock per action drops a second click while the first call is in flight. The lock
// is released in `finally`, so a failure never leaves the button dead.
// ---------------------------------------------------------------------------

async function withLock(name, buttons, work) {
  if (forms.locks.has(name)) {
    return;
  }
  forms.locks.add(name);
  for (const button of buttons) {
    button.setAttribute('aria-disabled', 'true');
    button.setAttribute('aria-busy', 'true');
  }
  try {
    await work();
  } finally {
    forms.locks.delete(name);
    for (const button of buttons) {
      button.removeAttribute('aria-disabled');
      button.removeAttribute('aria-busy');
    }
  }
}

function actionButtons(action) {
  return qsa(`[data-ff-action="${action}"]`);
}

function submitCreate() {
  const form = createForm();
  if (!form) {
    return Promise.resolve();
  }
  return withLock('create', actionButtons('create'), async () => {
    const invalid = firstInvalidField(form, config.inputs);
    if (invalid) {
      focusField(invalid);
      announce('Some fields need your attention.');
      return;
    }
    // The deferred script follows the execution, and takes over the send when the first try
    // fails. A submit before it arrived waits for it here, under the lock, so that a second click
    // sends nothing.
    const sent = await sendCreateOnce(form);
    let later;
    try {
      later = await loadDeferred();
    } catch (error) {
      failToLoad(sent && sent.execution ? sent.execution.id : null);
      return;
    }
    if (sent && !sent.first) {
      later.adoptCreated(sent);
    } else {
      await later.createExecution(form, sent ? sent.first : null);
    }
  });
}

function segment(value) {
  return encodeURIComponent(String(value));
}

function apiUrl(path, query) {
  const base = (config.api.baseUrl || '').replace(/\/+$/, '');
  const tenant = config.api.tenant ? `/${segment(config.api.tenant)}` : '';
  const search = new URLSearchParams(query || []).toString();
  return `${base}/api/v1${tenant}${path}${search ? `?${search}` : ''}`;
}

/** Returns the path and query of the create call, or of another call on the app's flow. */
function createTarget(suffix) {
  const query = [['labels', `app:${config.app.id}`]];
  if (config.app.flowRevision !== null && config.app.flowRevision !== undefined) {
    query.push(['revision', String(config.app.flowRevision)]);
  }
  return { path: `/executions/${segment(config.app.namespace)}/${segment(config.app.flowId)}${suffix}`, query };
}

/**
 * Sends the create form once, so that submitting needs only this script when Kestra accepts the
 * form at once. Returns `{ execution }`, or `{ url, status }` for a success whose body is not JSON.
 * A failure returns `{ first }`, the outcome of this try, which the deferred script's request
 * handles as its own first attempt (retries, Retry-After, messages next to the fields). Under
 * sign-in it returns null and the deferred script sends the form.
 */
async function sendCreateOnce(form) {
  if (config.api.auth === 'basic' || config.api.auth === 'bearer') {
    return null;
  }
  const target = createTarget('');
  const url = apiUrl(target.path, target.query);
  let response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { Accept: 'application/json' },
      body: formBody(form, true),
      credentials: config.api.auth === 'cookie' ? 'include' : 'same-origin',
      cache: 'no-store',
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
  } catch (error) {
    return { first: { failed: error && error.name === 'TimeoutError' ? 'timeout' : 'network' } };
  }
  if (!response.ok) {
    return { first: { response } };
  }
  // Kestra created the execution, so it must not be sent again even if its body is unreadable.
  try {
    return { execution: await response.json() };
  } catch (error) {
    return { url, status: response.status };
  }
}

/** Returns the task id of the execution's paused task run, or null. */
function pausedTaskId() {
  const runs = (store.execution && store.execution.taskRunList) || [];
  const paused = runs.find((run) => run && run.state && run.state.current === 'PAUSED');
  return paused ? paused.taskId : null;
}

/** From the ERROR stage: load the execution again, or go back to the filled-in form. */
function retryAfterError() {
  const executionId = state.executionId;
  if (!executionId) {
    transition({ type: 'reset' });
    return Promise.resolve();
  }
  return loadDeferred().then(
    (later) => later.openExecution(executionId),
    () => failToLoad(executionId),
  );
}
