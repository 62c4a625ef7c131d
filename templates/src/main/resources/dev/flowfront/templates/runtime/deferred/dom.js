// ---------------------------------------------------------------------------
// DOM helpers that only later stages need. Text goes in through text nodes only.
// ---------------------------------------------------------------------------

/** Returns the child of `parent` marked with `marker`, creating it at the end when missing. */
function ensureChild(parent, tag, marker, attributes) {
  let child = qs(`[${marker}]`, parent);
  if (!child) {
    child = element(tag, Object.assign({ [marker]: '' }, attributes));
    parent.appendChild(child);
  }
  return child;
}

/** Reads a JSON array from a data attribute. Anything else gives an empty list. */
function parseJsonList(text) {
  if (!text) {
    return [];
  }
  try {
    const value = JSON.parse(text);
    return Array.isArray(value) ? value.map(String) : [];
  } catch (error) {
    console.warn(`Flowfront: ignored a data attribute that is not a JSON array: ${text}`);
    return [];
  }
}

function getNested(source, dottedId) {
  if (source && Object.prototype.hasOwnProperty.call(source, dottedId)) {
    return source[dottedId];
  }
  return dottedId.split('.').reduce((node, key) => (node && typeof node === 'object' ? node[key] : undefined), source);
}
