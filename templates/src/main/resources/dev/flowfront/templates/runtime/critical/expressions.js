// ---------------------------------------------------------------------------
// Rendering, part 1: the evaluator of the expression trees the compiler writes. A tree is data;
// nothing here turns a string into code.
// ---------------------------------------------------------------------------

/** An expression that cannot be evaluated: an unknown node, filter or operand. */
class ExpressionError extends Error {}

/** Evaluates an expression tree against a context of root variables. */
function evaluate(node, context) {
  if (node === null || typeof node !== 'object') {
    throw new ExpressionError(`not an expression node: ${JSON.stringify(node)}`);
  }
  switch (node.t) {
    case 'tpl':
      return node.parts
        .map((part) => (typeof part === 'string' ? part : toText(evaluate(part, context))))
        .join('');
    case 'lit':
      return node.v;
    case 'var':
      return Object.prototype.hasOwnProperty.call(context, node.n) ? context[node.n] : undefined;
    case 'get':
      return attribute(evaluate(node.o, context), evaluate(node.k, context));
    case 'bin':
      return binary(node.op, node.l, node.r, context);
    case 'not':
      return !truthy(evaluate(node.e, context));
    case 'neg':
      return -toNumber(evaluate(node.e, context));
    case 'cond':
      return truthy(evaluate(node.c, context)) ? evaluate(node.a, context) : evaluate(node.b, context);
    case 'test': {
      const result = test(node.n, evaluate(node.e, context));
      return node.neg ? !result : result;
    }
    case 'filter':
      return applyFilter(
        node.n,
        evaluate(node.e, context),
        (node.a || []).map((argument) => evaluate(argument, context)),
      );
    case 'list':
      return node.i.map((item) => evaluate(item, context));
    case 'map': {
      const result = {};
      for (const [key, value] of node.e) {
        result[toText(evaluate(key, context))] = evaluate(value, context);
      }
      return result;
    }
    default:
      throw new ExpressionError(`unknown node type "${node.t}"`);
  }
}

function attribute(object, key) {
  if (object === null || object === undefined) {
    return undefined;
  }
  if (Array.isArray(object) || typeof object === 'string') {
    const index = Number(key);
    if (Number.isInteger(index)) {
      return object[index < 0 ? object.length + index : index];
    }
    return key === 'length' || key === 'size' ? object.length : undefined;
  }
  if (typeof object === 'object' && Object.prototype.hasOwnProperty.call(object, String(key))) {
    return object[String(key)];
  }
  return undefined;
}

function binary(op, left, right, context) {
  if (op === 'and') {
    return truthy(evaluate(left, context)) && truthy(evaluate(right, context));
  }
  if (op === 'or') {
    return truthy(evaluate(left, context)) || truthy(evaluate(right, context));
  }
  if (op === '??') {
    const value = evaluate(left, context);
    return value === null || value === undefined ? evaluate(right, context) : value;
  }
  const a = evaluate(left, context);
  const b = evaluate(right, context);
  switch (op) {
    case '==':
      return looseEquals(a, b);
    case '!=':
      return !looseEquals(a, b);
    case '<':
      return compare(a, b) < 0;
    case '<=':
      return compare(a, b) <= 0;
    case '>':
      return compare(a, b) > 0;
    case '>=':
      return compare(a, b) >= 0;
    case '+':
      return isNumeric(a) && isNumeric(b) ? toNumber(a) + toNumber(b) : toText(a) + toText(b);
    case '-':
      return toNumber(a) - toNumber(b);
    case '*':
      return toNumber(a) * toNumber(b);
    case '/':
      return toNumber(a) / toNumber(b);
    case '%':
      return toNumber(a) % toNumber(b);
    case '~':
      return toText(a) + toText(b);
    case 'contains':
      return contains(a, b);
    default:
      throw new ExpressionError(`unknown operator "${op}"`);
  }
}

function looseEquals(a, b) {
  if ((a === null || a === undefined) && (b === null || b === undefined)) {
    return true;
  }
  if (typeof a === 'number' && typeof b === 'number') {
    return a === b;
  }
  if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null) {
    return JSON.stringify(a) === JSON.stringify(b);
  }
  return a === b;
}

function compare(a, b) {
  if (isNumeric(a) && isNumeric(b)) {
    return toNumber(a) - toNumber(b);
  }
  const left = toText(a);
  const right = toText(b);
  if (left === right) {
    return 0;
  }
  return left < right ? -1 : 1;
}

function contains(container, item) {
  if (Array.isArray(container)) {
    if (Array.isArray(item)) {
      return item.every((element) => container.some((entry) => looseEquals(entry, element)));
    }
    return container.some((entry) => looseEquals(entry, item));
  }
  if (typeof container === 'string') {
    return container.includes(toText(item));
  }
  if (container && typeof container === 'object') {
    return Object.prototype.hasOwnProperty.call(container, toText(item));
  }
  return false;
}

function test(name, value) {
  switch (name) {
    case 'null':
      return value === null || value === undefined;
    case 'defined':
      return value !== undefined;
    case 'empty':
      return isEmpty(value);
    case 'even':
      return toNumber(value) % 2 === 0;
    case 'odd':
      return Math.abs(toNumber(value) % 2) === 1;
    default:
      throw new ExpressionError(`unknown test "${name}"`);
  }
}

function isEmpty(value) {
  if (value === null || value === undefined || value === '') {
    return true;
  }
  if (Array.isArray(value)) {
    return value.length === 0;
  }
  return typeof value === 'object' && Object.keys(value).length === 0;
}

/** Pebble's truthiness: false, null, zero and empty text are false. */
function truthy(value) {
  if (typeof value === 'string') {
    return value !== '' && value !== 'false';
  }
  return Boolean(value);
}

function isNumeric(value) {
  if (typeof value === 'number') {
    return true;
  }
  return typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value));
}

function toNumber(value) {
  const number = Number(value);
  if (!Number.isFinite(number)) {
    throw new ExpressionError(`not a number: ${JSON.stringify(value)}`);
  }
  return number;
}

/** Returns the text a value is inserted as: empty for null, JSON for lists and maps. */
function toText(value) {
  if (value === null || value === undefined) {
    return '';
  }
  if (typeof value === 'object') {
    return JSON.stringify(value);
  }
  return String(value);
}

// ---------------------------------------------------------------------------
// Filters, named as Pebble and Kestra name them.
// ---------------------------------------------------------------------------

const FILTERS = Object.freeze({
  abs: (value) => Math.abs(toNumber(value)),
  capitalize: (value) => {
    const text = toText(value);
    return text.charAt(0).toUpperCase() + text.slice(1);
  },
  date: (value, args) => formatDate(value, args[0], args[1]),
  default: (value, args) => (isEmpty(value) ? args[0] : value),
  first: (value) => (typeof value === 'string' || Array.isArray(value) ? value[0] : undefined),
  join: (value, args) => {
    if (!Array.isArray(value)) {
      return toText(value);
    }
    return value.map(toText).join(args[0] === undefined ? '' : toText(args[0]));
  },
  json: (value) => JSON.stringify(value === undefined ? null : value),
  keys: (value) => (value && typeof value === 'object' ? Object.keys(value) : []),
  last: (value) => (typeof value === 'string' || Array.isArray(value) ? value[value.length - 1] : undefined),
  length: (value) => {
    if (value === null || value === undefined) {
      return 0;
    }
    if (typeof value === 'string' || Array.isArray(value)) {
      return value.length;
    }
    return typeof value === 'object' ? Object.keys(value).length : toText(value).length;
  },
  lower: (value) => toText(value).toLowerCase(),
  replace: (value, args) => replaceText(toText(value), args),
  slice: (value, args) => {
    const from = args[0] === undefined ? 0 : toNumber(args[0]);
    const to = args[1] === undefined ? undefined : toNumber(args[1]);
    return Array.isArray(value) ? value.slice(from, to) : toText(value).slice(from, to);
  },
  split: (value, args) => {
    const parts = toText(value).split(toText(args[0]));
    if (args[1] === undefined) {
      return parts;
    }
    const limit = toNumber(args[1]);
    if (limit <= 0 || parts.length <= limit) {
      return parts;
    }
    return [...parts.slice(0, limit - 1), parts.slice(limit - 1).join(toText(args[0]))];
  },
  title: (value) => toText(value).replace(/(^|\s)(\S)/g, (match, space, letter) => space + letter.toUpperCase()),
  toJson: (value) => JSON.stringify(value === undefined ? null : value),
  trim: (value) => toText(value).trim(),
  upper: (value) => toText(value).toUpperCase(),
  urlencode: (value) => encodeURIComponent(toText(value)).replace(/%20/g, '+'),
});

function applyFilter(name, value, args) {
  const filter = FILTERS[name];
  if (!filter || !Object.prototype.hasOwnProperty.call(FILTERS, name)) {
    throw new ExpressionError(`unknown filter "${name}"`);
  }
  return filter(value, args);
}

/** Replaces text as Pebble does, from a map of search text to replacement, or from two texts. */
function replaceText(text, args) {
  let pairs = [];
  if (args[0] && typeof args[0] === 'object') {
    pairs = Object.entries(args[0]);
  } else if (args.length >= 2) {
    pairs = [[toText(args[0]), toText(args[1])]];
  }
  return pairs.reduce((result, [search, replacement]) => result.split(search).join(toText(replacement)), text);
}

/**
 * Formats a date with a Java DateTimeFormatter pattern (letters y M d H h m s S a E z, quoted text
 * in single quotes). `timeZone` is an IANA zone, and the browser's zone applies without one.
 */
function formatDate(value, pattern, timeZone) {
  const date = value instanceof Date ? value : new Date(typeof value === 'number' ? value : toText(value));
  if (Number.isNaN(date.getTime())) {
    throw new ExpressionError(`not a date: ${JSON.stringify(value)}`);
  }
  if (!pattern) {
    return date.toISOString();
  }
  const options = { hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', weekday: 'short', timeZoneName: 'short' };
  if (timeZone) {
    options.timeZone = toText(timeZone);
  }

  const parts = {};
  for (const part of new Intl.DateTimeFormat('en-US', options).formatToParts(date)) {
    parts[part.type] = part.value;
  }

  const monthNames = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  const month = Number(parts.month);
  const hour = Number(parts.hour);
  const tokens = {
    yyyy: parts.year,
    yy: parts.year.slice(-2),
    MMMM: monthNames[month - 1],
    MMM: monthNames[month - 1].slice(0, 3),
    MM: parts.month,
    M: String(month),
    dd: parts.day,
    d: String(Number(parts.day)),
    HH: parts.hour,
    H: String(hour),
    hh: String(hour % 12 || 12).padStart(2, '0'),
    h: String(hour % 12 || 12),
    mm: parts.minute,
    ss: parts.second,
    SSS: String(date.getMilliseconds()).padStart(3, '0'),
    a: hour < 12 ? 'AM' : 'PM',
    EEEE: parts.weekday,
    EEE: parts.weekday,
    z: parts.timeZoneName,
  };
  return pattern.replace(/'([^']*)'|yyyy|yy|MMMM|MMM|MM|M|dd|d|HH|H|hh|h|mm|ss|SSS|a|EEEE|EEE|z/g, (match, quoted) =>
    quoted !== undefined ? quoted : tokens[match],
  );
}

/** Evaluates the expression with the given id. A failure is logged and gives undefined. */
function evaluateById(id, context) {
  const tree = config.expressions ? config.expressions[id] : undefined;
  if (!tree) {
    console.warn(`Flowfront: the page has no expression "${id}"`);
    return undefined;
  }
  try {
    return evaluate(tree, context);
  } catch (error) {
    console.warn(`Flowfront: expression "${id}" could not be evaluated: ${error.message}`);
    return undefined;
  }
}

/** Returns the page's own address without `?execution=`, for `{{ app.url }}` without a site URL. */
function pageUrlWithoutQuery() {
  return location.origin + location.pathname;
}

/** Builds the root variables of expressions: the live form on OPEN, the execution afterwards. */
function expressionContext() {
  const execution = store.execution;
  const taskOutputs = {};
  for (const run of (execution && execution.taskRunList) || []) {
    if (run && run.taskId) {
      taskOutputs[run.taskId] = run.outputs || {};
    }
  }
  const labels = {};
  for (const label of (execution && execution.labels) || []) {
    if (label && typeof label.key === 'string') {
      labels[label.key] = label.value;
    }
  }
  return {
    inputs: state.stage === 'OPEN' || !execution ? liveInputValues() : execution.inputs || {},
    outputs: taskOutputs,
    // The execution as Kestra's API returns it, so `execution.state.current` reads as in the JSON.
    execution: execution ? Object.assign({}, execution, { outputs: execution.outputs || {} }) : {},
    app: Object.assign({}, config.app, { url: config.app.url || pageUrlWithoutQuery() }),
    labels,
    vars: {},
    flow: { id: config.app.flowId, namespace: config.app.namespace, revision: config.app.flowRevision },
  };
}
