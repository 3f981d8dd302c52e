/*
 * The warning before a signed-in session ends (WCAG 2.2.1, Timing adjustable), in the way GOV.UK services warn:
 * a modal dialog some time before (kb.accounts.session-warning, two minutes by default).
 *
 * - The idle time (each request starts it again) can be extended with one button, "Stay signed in", or Escape:
 *   either asks /account/session, which is itself a request, and starts the count again from its answer.
 * - The lifetime since sign-in cannot be extended; that warning says so, and when.
 * - When the time is up the page asks the server before saying anything (another tab may have kept the session
 *   alive) and, if the session has ended, says so and leaves the page as it is, so nothing typed is lost.
 *
 * The times come from the dialog's data attributes, written by the server for this page. Scripts that reach
 * the server without loading a page (the search page's in-place results) say so with a "kb:server-contact"
 * event, which starts the idle count again. The next warning's time is kept in data-warns-at (epoch ms).
 */

const GRACE_MS = 3000;

function inWords(ms) {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  if (seconds >= 60) {
    const minutes = Math.ceil(seconds / 60);
    return minutes + (minutes === 1 ? ' minute' : ' minutes');
  }
  return seconds + (seconds === 1 ? ' second' : ' seconds');
}

export function sessionTimeout(root) {
  const dialog = root.getElementById('session-timeout');
  if (!dialog || typeof dialog.showModal !== 'function') {
    return;
  }
  const warningMs = Number(dialog.dataset.warningSeconds) * 1000;
  const heading = root.getElementById('session-timeout-heading');
  const signIn = root.getElementById('session-timeout-sign-in');
  let timers = [];
  let idleSeconds = Number(dialog.dataset.idleSeconds);
  let endsAt = Date.now() + Number(dialog.dataset.endsInSeconds) * 1000;
  let ticker = null;
  let deadline = 0;
  let state = null;
  let returnFocus = null;

  function show(next) {
    state = next;
    dialog.querySelectorAll('[data-state]').forEach(el => { el.hidden = el.dataset.state !== next; });
    if (!dialog.open) {
      returnFocus = document.activeElement;
      dialog.showModal();
    }
    if (next === 'out') {
      clearInterval(ticker);
      // Sign in again, then come back here (only a plain path is kept by the server).
      signIn.href = '/sign-in?continue=' + encodeURIComponent(window.location.pathname);
      // The heading names what happened; the description below it is read after it.
      heading.focus();
    }
  }

  function close() {
    clearInterval(ticker);
    if (!dialog.open) {
      return;
    }
    dialog.close();
    if (returnFocus && typeof returnFocus.focus === 'function') {
      returnFocus.focus();
    }
    returnFocus = null;
  }

  function tick() {
    const left = inWords(deadline - Date.now());
    dialog.querySelectorAll('.kb-timeout__countdown').forEach(el => { el.textContent = left; });
  }

  function warn(kind) {
    tick();
    show(kind);
    clearInterval(ticker);
    ticker = setInterval(tick, 1000);
  }

  function schedule(idle, endsInSeconds) {
    timers.forEach(clearTimeout);
    const now = Date.now();
    idleSeconds = idle;
    endsAt = now + endsInSeconds * 1000;
    const idleAt = now + idleSeconds * 1000;
    deadline = Math.min(idleAt, endsAt);
    const kind = endsAt <= idleAt ? 'ending' : 'idle';
    dialog.dataset.warnsAt = String(Math.max(now, deadline - warningMs));
    timers = [
      setTimeout(() => warn(kind), Math.max(0, deadline - warningMs - now)),
      setTimeout(check, deadline - now + GRACE_MS),
    ];
  }

  async function ask() {
    try {
      const response = await fetch('/account/session', { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
      return response.ok ? await response.json() : { signedIn: false };
    } catch (e) {
      return null; // Offline: say nothing rather than something wrong.
    }
  }

  async function check() {
    const answer = await ask();
    if (answer && answer.signedIn) {
      schedule(answer.idleSeconds, answer.endsInSeconds);
      close();
    } else if (answer) {
      show('out');
    }
  }

  async function stay() {
    const answer = await ask();
    if (answer && answer.signedIn) {
      schedule(answer.idleSeconds, answer.endsInSeconds);
      close();
    } else if (answer) {
      show('out');
    }
  }

  dialog.addEventListener('click', event => {
    const action = event.target.closest('[data-action]');
    if (!action) {
      return;
    }
    if (action.dataset.action === 'stay') {
      stay();
    } else {
      close();
    }
  });
  // Escape: for the idle warning it means "stay signed in", as the button does; otherwise it closes.
  dialog.addEventListener('cancel', event => {
    event.preventDefault();
    if (state === 'idle') {
      stay();
    } else {
      close();
    }
  });

  // Another request reached the server: the idle time started again there; the lifetime did not move.
  document.addEventListener('kb:server-contact', () => {
    if (!dialog.open) {
      schedule(idleSeconds, (endsAt - Date.now()) / 1000);
    }
  });

  schedule(idleSeconds, Number(dialog.dataset.endsInSeconds));
}
