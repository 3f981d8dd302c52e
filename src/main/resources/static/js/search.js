/*
 * Search filters without a full reload. Ticking a filter or choosing a sort order fetches the
 * same /search URL with "X-Requested-With: fetch", for which the server sends only the filters
 * and results (the "results" fragment of search/results.html). They replace the ones on the
 * page, the address is updated with history.pushState, the result count is announced through
 * its aria-live heading and focus stays where it was. Back and forward restore earlier results.
 * Without this script the "Apply filters" and "Sort" buttons submit the form as usual; when
 * anything goes wrong it falls back to loading the address as a whole page.
 */

const HEADER = 'X-Requested-With';
const HEADER_VALUE = 'fetch';

/** The address the form would submit to, without empty fields or the default sort. */
function addressOf(form) {
  const params = new URLSearchParams();
  for (const [name, value] of new FormData(form)) {
    if (value !== '' && !(name === 'sort' && value === 'relevance')) {
      params.append(name, value);
    }
  }
  const query = params.toString();
  return form.getAttribute('action') + (query ? '?' + query : '');
}

function announce(live, text) {
  if (live.textContent.trim() === text.trim()) {
    // The same words again: clear the region first so screen readers say them once more.
    live.textContent = '';
    setTimeout(() => { live.textContent = text; }, 100);
  } else {
    live.textContent = text;
  }
}

/** Replaces the filters and results with fresh ones, keeping focus and open or closed filter groups. */
function swap(fresh, initComponents) {
  const active = document.activeElement;
  const activeId = active && active.id;
  const shown = new Map([...document.querySelectorAll('#search-filters details[data-facet]')]
    .map(details => [details.dataset.facet, details.open]));

  for (const id of ['search-filters', 'search-results-body']) {
    const replacement = document.importNode(fresh.querySelector('#' + id), true);
    document.getElementById(id).replaceWith(replacement);
    initComponents(replacement);
  }
  for (const details of document.querySelectorAll('#search-filters details[data-facet]')) {
    if (shown.has(details.dataset.facet) && !details.querySelector(':checked')) {
      details.open = shown.get(details.dataset.facet);
    }
  }
  const results = document.getElementById('search-results');
  results.dataset.title = fresh.dataset.title;
  document.title = fresh.dataset.title;
  announce(document.getElementById('result-count'), fresh.querySelector('#result-count').textContent);

  if (active && !active.isConnected) {
    const same = activeId && document.getElementById(activeId);
    if (same) {
      same.focus();
    } else {
      const count = document.getElementById('result-count');
      count.setAttribute('tabindex', '-1');
      count.focus();
    }
  }
}

export function enhanceSearch(root, initComponents = () => {}) {
  const form = root.getElementById('search-form');
  if (!form || !document.getElementById('search-results') || !window.fetch || !window.history.pushState) {
    return;
  }
  let shownAddress = location.pathname + location.search;
  let inFlight = null;

  async function show(address, push) {
    if (inFlight) {
      inFlight.abort();
    }
    const controller = new AbortController();
    inFlight = controller;
    const body = document.getElementById('search-results-body');
    body.setAttribute('aria-busy', 'true');
    let fresh;
    try {
      const response = await fetch(address, { headers: { [HEADER]: HEADER_VALUE }, signal: controller.signal });
      if (!response.ok) {
        throw new Error('HTTP ' + response.status);
      }
      // The request reached the server, which started the session's idle time again (/js/session-timeout.js).
      document.dispatchEvent(new CustomEvent('kb:server-contact'));
      const html = await response.text();
      fresh = new DOMParser().parseFromString(html, 'text/html').getElementById('search-results');
      if (!fresh || fresh.dataset.errors === 'true') {
        throw new Error('no results fragment');
      }
    } catch (error) {
      if (error.name !== 'AbortError') {
        // Rate limited, signed out, an error to show in full: let the page itself say so.
        location.assign(address);
      }
      return;
    } finally {
      body.removeAttribute('aria-busy');
    }
    if (inFlight !== controller) {
      return;
    }
    inFlight = null;
    swap(fresh, initComponents);
    if (push) {
      history.pushState({ search: address }, '', address);
    }
    shownAddress = address;
    form.dataset.updates = String(Number(form.dataset.updates || '0') + 1);
  }

  form.addEventListener('change', event => {
    if (event.target.matches('#search-filters input[type="checkbox"], #sort')) {
      show(addressOf(form), true);
    }
  });

  window.addEventListener('popstate', () => {
    const address = location.pathname + location.search;
    // Following a link within the page (the skip link, an error summary) changes only the hash.
    if (location.pathname === form.getAttribute('action') && address !== shownAddress) {
      const q = form.querySelector('#q');
      if (q) {
        q.value = new URLSearchParams(location.search).get('q') ?? '';
      }
      show(address, false);
    }
  });

  form.dataset.enhanced = 'true';
}
