import { initAll } from '../vendor/govuk-frontend/govuk-frontend.min.js'

initAll()

// Re-initialise GOV.UK components inside content that htmx swaps in.
document.addEventListener('htmx:afterSettle', (event) => {
  initAll({ scope: event.detail.elt })
})
