// ---------------------------------------------------------------------------
// RedirectTo: a countdown the user can stop.
// ---------------------------------------------------------------------------

const redirect = { block: null, timer: null, remaining: 0, url: '' };

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
