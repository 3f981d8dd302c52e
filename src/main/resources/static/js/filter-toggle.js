/*
 * On a small screen the filters wait behind a "Filter" button, so the result count and the
 * results come first (GOV.UK finder style). The button is made here: without this script there
 * is none, and the filters stay on the page after the result count. The open or closed state is
 * a class on #search-results, which the in-place updates of /js/search.js leave in place.
 */

const SMALL = window.matchMedia('(max-width: 40.0525em)');
const CLOSED = 'kb-filters--closed';

export function filterToggle(root) {
  const results = root.getElementById('search-results');
  const count = root.getElementById('result-count');
  if (!results || !count || !root.getElementById('search-filters')) {
    return;
  }
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'govuk-button govuk-button--secondary kb-filter-toggle';
  button.id = 'filter-toggle';
  button.setAttribute('aria-controls', 'search-filters');
  button.textContent = 'Filter';

  function show(open) {
    results.classList.toggle(CLOSED, !open);
    button.setAttribute('aria-expanded', String(open));
  }

  button.addEventListener('click', () => {
    const open = results.classList.contains(CLOSED);
    show(open);
    if (open) {
      const first = root.querySelector('#search-filters summary, #search-filters input');
      if (first) {
        first.focus();
      }
    }
  });
  count.after(button);
  // Closed at first on a small screen; on a wide one the button is hidden and the filters shown.
  show(!SMALL.matches);
  SMALL.addEventListener('change', event => show(!event.matches));
}
