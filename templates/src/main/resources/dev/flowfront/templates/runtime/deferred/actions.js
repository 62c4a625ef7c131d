// ---------------------------------------------------------------------------
// Actions: create an execution from the form, ask Kestra which inputs are enabled, resume a
// paused execution with the form of its paused task, or kill it. They share the locks and field
// errors of the page script's forms.
// ---------------------------------------------------------------------------

/**
 * Sends the create form, which the page script checked, and follows the new execution. `first` is
 * the outcome of the page script's own try, if it made one.
 */
async function createExecution(form, first) {
  let execution;
  try {
    execution = await api.create(formBody(form, true), first);
  } catch (error) {
    if (error instanceof RequestFailure && error.status === 422 && showServerError(form, error)) {
      logFailure(error, 'creating the execution', true);
      announce('Kestra rejected a field. Check the message next to it.');
      return;
    }
    fail(error, 'creating the execution');
    return;
  }
  forms.submitted.delete('create');
  startExecution(execution);
}

/** Follows the execution that the page script's first send created, or shows why it cannot. */
function adoptCreated(sent) {
  forms.submitted.delete('create');
  if (sent.execution) {
    startExecution(sent.execution);
  } else {
    fail(new RequestFailure('invalid-json', 'POST', sent.url, sent.status), 'creating the execution');
  }
}

/** Asks Kestra's validate endpoint which inputs are enabled, then refreshes the form. */
async function runServerValidation() {
  if (forms.validateController) {
    forms.validateController.abort();
  }
  forms.validateController = new AbortController();
  try {
    const result = await api.validate(formBody(createForm(), false));
    for (const entry of (result && result.inputs) || []) {
      if (entry && entry.input && typeof entry.input.id === 'string') {
        forms.serverEnabled.set(entry.input.id, entry.enabled !== false);
      }
    }
    refreshForm(createForm(), config.inputs);
  } catch (error) {
    logFailure(error, 'validating the form', true);
  }
}

function resumeForm() {
  return qs('form[data-ff-form="resume"]');
}

function submitResume() {
  const form = resumeForm();
  const executionId = currentState().executionId;
  if (!executionId) {
    return Promise.resolve();
  }
  return withLock('resume', actionButtons('resume'), async () => {
    const fieldset = form ? activeResumeFieldset(form) : null;
    if (form) {
      const invalid = firstInvalidField(form, definitionsOf(form));
      if (invalid) {
        focusField(invalid);
        announce('Some fields need your attention.');
        return;
      }
    }
    try {
      await api.resume(executionId, fieldset ? formBody(fieldset, true) : new FormData());
      forms.submitted.delete('resume');
      announce('Approved. Waiting for the request to continue.');
    } catch (error) {
      if (error instanceof RequestFailure && error.status === 409) {
        // Someone else resumed or stopped it meanwhile: show what it really is now.
        logFailure(error, 'resuming the execution', true);
        announce('This request was already handled. Showing its current state.');
        await refreshExecution(executionId);
        return;
      }
      if (error instanceof RequestFailure && error.status === 422 && form && showServerError(form, error)) {
        logFailure(error, 'resuming the execution', true);
        return;
      }
      fail(error, 'resuming the execution');
    }
  });
}

function activeResumeFieldset(form) {
  const task = pausedTaskId();
  const fieldsets = qsa('fieldset[data-ff-resume-task]', form);
  return fieldsets.find((fieldset) => fieldset.dataset.ffResumeTask === task) || (fieldsets.length === 1 ? fieldsets[0] : null);
}

/** Shows only the fieldset of the task that is paused now. */
function updateResumeForm() {
  const form = resumeForm();
  if (!form) {
    return;
  }
  const active = activeResumeFieldset(form);
  for (const fieldset of qsa('fieldset[data-ff-resume-task]', form)) {
    fieldset.hidden = fieldset !== active;
  }
  refreshForm(form, definitionsOf(form));
}

function submitKill() {
  const executionId = currentState().executionId;
  if (!executionId) {
    return Promise.resolve();
  }
  return withLock('kill', actionButtons('kill'), async () => {
    try {
      await api.kill(executionId);
      announce('Cancelling the request.');
    } catch (error) {
      if (error instanceof RequestFailure && error.status === 409) {
        logFailure(error, 'cancelling the execution', true);
        await refreshExecution(executionId);
        return;
      }
      fail(error, 'cancelling the execution');
    }
  });
}
