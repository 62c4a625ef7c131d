/*
 * Flowfront catalog filters. Every tile is in the HTML; this script only hides tiles that do not
 * match the filters or whose expiration window is closed by the visitor's clock. The filter state
 * lives in the URL query (q, namespace, type, tag repeated), so a filtered view can be shared and
 * survives a reload. No globals, no inline code: the page runs under a strict CSP.
 */
(function () {
  'use strict';

  // ---- constants -------------------------------------------------------------------------------

  var PARAM_QUERY = 'q';
  var PARAM_NAMESPACE = 'namespace';
  var PARAM_TYPE = 'type';
  var PARAM_TAG = 'tag';

  // ---- text matching ---------------------------------------------------------------------------

  /** Lower-cases and strips accents, so "Resume" matches "résumé". */
  function normalize(text) {
    return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  }

  function terms(query) {
    return normalize(query).split(/\s+/).filter(function (term) { return term.length > 0; });
  }

  /** Returns whether the instant (ms) is inside the window. An empty bound is open. */
  function isInWindow(start, end, now) {
    var startMs = start ? Date.parse(start) : NaN;
    var endMs = end ? Date.parse(end) : NaN;
    if (!isNaN(startMs) && now < startMs) {
      return false;
    }
    return isNaN(endMs) || now <= endMs;
  }

  // ---- filter state ----------------------------------------------------------------------------

  function readState(form) {
    var tags = [];
    form.querySelectorAll('input[name="' + PARAM_TAG + '"]').forEach(function (box) {
      if (box.checked) {
        tags.push(box.value);
      }
    });
    return {
      query: form.elements[PARAM_QUERY].value,
      namespace: form.elements[PARAM_NAMESPACE].value,
      type: form.elements[PARAM_TYPE].value,
      tags: tags
    };
  }

  function stateFromUrl(search) {
    var params = new URLSearchParams(search);
    return {
      query: params.get(PARAM_QUERY) || '',
      namespace: params.get(PARAM_NAMESPACE) || '',
      type: params.get(PARAM_TYPE) || '',
      tags: params.getAll(PARAM_TAG)
    };
  }

  /** Sets the controls; values that match no option are dropped, as a stale link may hold them. */
  function writeState(form, state) {
    form.elements[PARAM_QUERY].value = state.query;
    setSelect(form.elements[PARAM_NAMESPACE], state.namespace);
    setSelect(form.elements[PARAM_TYPE], state.type);
    form.querySelectorAll('input[name="' + PARAM_TAG + '"]').forEach(function (box) {
      box.checked = state.tags.indexOf(box.value) >= 0;
    });
  }

  function setSelect(select, value) {
    var known = Array.prototype.some.call(select.options, function (option) {
      return option.value === value;
    });
    select.value = known ? value : '';
  }

  function updateUrl(state) {
    var params = new URLSearchParams();
    if (state.query.trim()) {
      params.set(PARAM_QUERY, state.query.trim());
    }
    if (state.namespace) {
      params.set(PARAM_NAMESPACE, state.namespace);
    }
    if (state.type) {
      params.set(PARAM_TYPE, state.type);
    }
    state.tags.forEach(function (tag) { params.append(PARAM_TAG, tag); });
    var query = params.toString();
    var url = window.location.pathname + (query ? '?' + query : '') + window.location.hash;
    window.history.replaceState(null, '', url);
  }

  // ---- tiles -----------------------------------------------------------------------------------

  function readTile(element) {
    var tags = [];
    try {
      tags = JSON.parse(element.getAttribute('data-ff-tags') || '[]');
    } catch (error) {
      console.error('Flowfront catalog: invalid data-ff-tags on tile', element.id, error);
    }
    return {
      element: element,
      namespace: element.getAttribute('data-ff-namespace') || '',
      access: element.getAttribute('data-ff-access') || '',
      tags: tags,
      start: element.getAttribute('data-ff-start') || '',
      end: element.getAttribute('data-ff-end') || '',
      text: normalize(element.getAttribute('data-ff-search') || '')
    };
  }

  function matches(tile, state, queryTerms) {
    if (state.namespace && tile.namespace !== state.namespace) {
      return false;
    }
    if (state.type && tile.access !== state.type) {
      return false;
    }
    if (state.tags.length > 0) {
      var hasTag = state.tags.some(function (tag) { return tile.tags.indexOf(tag) >= 0; });
      if (!hasTag) {
        return false;
      }
    }
    return queryTerms.every(function (term) { return tile.text.indexOf(term) >= 0; });
  }

  // ---- rendering -------------------------------------------------------------------------------

  function render(catalog, state) {
    var now = Date.now();
    var queryTerms = terms(state.query);
    var openCount = 0;
    var visibleCount = 0;
    catalog.tiles.forEach(function (tile) {
      var open = isInWindow(tile.start, tile.end, now);
      var visible = open && matches(tile, state, queryTerms);
      tile.element.hidden = !visible;
      openCount += open ? 1 : 0;
      visibleCount += visible ? 1 : 0;
    });
    if (catalog.empty) {
      catalog.empty.hidden = visibleCount > 0;
    }
    if (catalog.count) {
      var noun = openCount === 1 ? 'app' : 'apps';
      catalog.count.textContent = visibleCount === openCount
        ? openCount + ' ' + noun
        : visibleCount + ' of ' + openCount + ' ' + noun;
    }
  }

  // ---- boot ------------------------------------------------------------------------------------

  function boot() {
    var form = document.querySelector('[data-ff-catalog-filters]');
    if (!form) {
      return;
    }
    var catalog = {
      tiles: Array.prototype.map.call(document.querySelectorAll('.ff-tile'), readTile),
      count: document.querySelector('[data-ff-catalog-count]'),
      empty: document.querySelector('[data-ff-catalog-empty]')
    };
    writeState(form, stateFromUrl(window.location.search));
    form.hidden = false;

    function apply() {
      var state = readState(form);
      render(catalog, state);
      updateUrl(state);
    }

    form.addEventListener('input', apply);
    form.addEventListener('change', apply);
    form.addEventListener('submit', function (event) { event.preventDefault(); });
    var clear = form.querySelector('[data-ff-catalog-clear]');
    if (clear) {
      clear.addEventListener('click', function () {
        writeState(form, { query: '', namespace: '', type: '', tags: [] });
        apply();
        form.elements[PARAM_QUERY].focus();
      });
    }
    apply();
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', boot);
  } else {
    boot();
  }
})();
