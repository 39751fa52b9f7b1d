// Starts GOV.UK Frontend's components. Loaded as a module, so it only runs in
// browsers GOV.UK Frontend supports; the class tells its CSS and components
// that they may enhance the page. Pages work without it.
//
// The import uses the module's plain name (served with revalidation), because
// this file is served under a content hash and cannot know the other's hash.
import { initAll } from '../govuk-frontend.min.js'

document.body.classList.add('govuk-frontend-supported')
initAll()
