// Loaded as a module, so only browsers that GOV.UK Frontend supports run it; without it pages still work.
import { initAll } from '/lib/govuk-frontend/govuk-frontend.min.js';

document.body.classList.add('js-enabled', 'govuk-frontend-supported');
initAll();
