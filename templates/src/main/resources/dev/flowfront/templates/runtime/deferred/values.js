// ---------------------------------------------------------------------------
// Values of inputs and outputs, shown by type, and downloads of FILE values.
// ---------------------------------------------------------------------------

/**
 * Fills TaskOutputs values, shown by their type: an expression's value, or the text the generator
 * wrote, kept in `data-ff-value` so that a later render starts from it again.
 */
function renderTypedValues(scope, context) {
  for (const target of qsa('[data-ff-value-type]', scope)) {
    if (target.hasAttribute('data-ff-expr')) {
      renderValue(target, evaluateById(target.dataset.ffExpr, context), target.dataset.ffValueType);
      continue;
    }
    if (!target.hasAttribute('data-ff-value')) {
      target.setAttribute('data-ff-value', target.textContent);
    }
    renderValue(target, target.getAttribute('data-ff-value'), target.dataset.ffValueType);
  }
}

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

/** Downloads a FILE value of the execution through fetch, so auth headers reach Kestra. */
async function downloadFile(path, button) {
  if (!store.execution || button.getAttribute('aria-busy') === 'true') {
    return;
  }
  button.setAttribute('aria-busy', 'true');
  try {
    const { blob, fileName } = await api.file(store.execution.id, path);
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = fileName || lastPathSegment(path) || 'download';
    link.hidden = true;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 60000);
  } catch (error) {
    logFailure(error, 'downloading a file');
    announce(`The file could not be downloaded. ${failureMessage(error)}`);
  } finally {
    button.removeAttribute('aria-busy');
  }
}

function lastPathSegment(path) {
  const parts = String(path).split('/');
  try {
    return decodeURIComponent(parts[parts.length - 1]);
  } catch (error) {
    return parts[parts.length - 1];
  }
}
