// Injected before every page script by the browser benchmark. It records, on the page's own
// clock (performance.now), when each chunk of the execution event stream arrives and when each
// stage is shown. It changes nothing the runtime reads: the stream is split with tee() and the
// runtime reads an unchanged copy.
(() => {
  const probe = { chunks: [], shown: [] };
  Object.defineProperty(window, '__flowfrontProbe', { value: probe });

  const MARK_PREFIX = 'flowfront:stage:';
  const marks = () =>
    performance
      .getEntriesByType('mark')
      .filter((mark) => mark.name.startsWith(MARK_PREFIX))
      .map((mark) => ({ t: mark.startTime, stage: mark.name.slice(MARK_PREFIX.length) }));
  // The runtime marks each stage it shows. For a runtime without marks, the probe falls back to
  // the sections it saw become visible (probe.shown).
  probe.stages = () => {
    const marked = marks();
    return marked.length > 0 ? marked : probe.shown;
  };
  probe.stageSource = () => (marks().length > 0 ? 'mark' : 'section');

  const originalFetch = window.fetch.bind(window);
  window.fetch = async (input, init) => {
    const response = await originalFetch(input, init);
    const url = typeof input === 'string' ? input : input.url;
    if (!/\/executions\/[^/]+\/follow(\?|$)/.test(url) || !response.body) {
      return response;
    }
    const [observed, passed] = response.body.tee();
    (async () => {
      const reader = observed.getReader();
      const decoder = new TextDecoder();
      for (;;) {
        const { value, done } = await reader.read();
        if (done) {
          break;
        }
        probe.chunks.push({ t: performance.now(), text: decoder.decode(value, { stream: true }) });
      }
    })().catch(() => {});
    return new Response(passed, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  };

  const visible = new Set();
  const check = () => {
    for (const section of document.querySelectorAll('section[data-ff-stage]')) {
      if (!section.hidden && !visible.has(section)) {
        visible.add(section);
        probe.shown.push({ t: performance.now(), stage: section.getAttribute('data-ff-stage') });
      } else if (section.hidden) {
        visible.delete(section);
      }
    }
  };
  new MutationObserver(check).observe(document, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ['hidden'],
  });
})();
