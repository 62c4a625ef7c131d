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
