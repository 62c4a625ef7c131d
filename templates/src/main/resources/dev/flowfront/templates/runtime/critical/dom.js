// ---------------------------------------------------------------------------
// DOM helpers. Text goes in through text nodes only, and nothing here parses HTML.
// ---------------------------------------------------------------------------

function qs(selector, scope) {
  return (scope || pageRoot).querySelector(selector);
}

function qsa(selector, scope) {
  return Array.from((scope || pageRoot).querySelectorAll(selector));
}

/** Creates an element with attributes and children, where strings become text nodes. */
function element(tag, attributes, children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    node.setAttribute(name, value);
  }
  for (const child of children || []) {
    node.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return node;
}

/** Accepts http, https and relative URLs, and rejects javascript:, data: and other schemes. */
function isSafeUrl(url) {
  if (!url) {
    return false;
  }
  try {
    const parsed = new URL(url, location.href);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:';
  } catch (error) {
    return false;
  }
}

/** Announces `text` in the page's live region, even when it equals the previous text. */
function announce(text) {
  const live = qs('[data-ff-live]');
  if (!live) {
    return;
  }
  live.textContent = live.textContent === text ? `${text}\u00a0` : text;
}

function deepFreeze(value) {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    Object.values(value).forEach(deepFreeze);
  }
  return value;
}
