import { initAll } from '/webjars/govuk-frontend/dist/govuk/govuk-frontend.min.js';
import { enhanceSearch } from '/js/search.js';
import { filterToggle } from '/js/filter-toggle.js';
import { sessionTimeout } from '/js/session-timeout.js';

initAll();

if (document.getElementById('similar')) {
  import('/js/similar.js');
}
enhanceSearch(document, scope => initAll({ scope }));
filterToggle(document);
sessionTimeout(document);
