import { initAll } from '/webjars/govuk-frontend/dist/govuk/govuk-frontend.min.js';

initAll();

if (document.getElementById('similar')) {
  import('/js/similar.js');
}
