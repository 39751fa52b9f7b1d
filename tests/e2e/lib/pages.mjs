// Moving around the service as a person does, and saying plainly what was
// on the screen when something was not as expected.

export class ScenarioFailure extends Error {}

export function expect(condition, message) {
  if (!condition) throw new ScenarioFailure(message);
}

// The pathname the browser is on now.
export function pathOf(page) {
  return new URL(page.url()).pathname;
}

export async function heading(page) {
  const h1 = page.locator('h1');
  return (await h1.count()) ? (await h1.first().innerText()).trim() : '';
}

// Where the browser is and what it shows, for a failure message.
export async function describePage(page) {
  if (!page || page.isClosed()) return '(no page open)';
  const lines = [`  url: ${page.url()}`];
  try {
    lines.push(`  title: ${await page.title()}`);
    lines.push(`  h1: ${(await heading(page)) || '(none)'}`);
    const summary = page.locator('.govuk-error-summary');
    if (await summary.count()) {
      lines.push(`  error summary: ${(await summary.first().innerText()).replace(/\s+/g, ' ').trim()}`);
    }
  } catch (error) {
    lines.push(`  (could not read the page: ${error.message.split('\n')[0]})`);
  }
  return lines.join('\n');
}

// Errors the browser reports (script errors, resources refused by the
// Content-Security-Policy, assets that fail to load) happen whatever the page
// looks like, so every page is watched for them. A page answered 4xx on
// purpose (403, 404) is not one: the document's own status is for the
// scenario to check, so only subresources count.
export function watchForBrowserErrors(page) {
  const errors = [];
  page.on('console', (message) => {
    if (message.type() !== 'error' || message.text().startsWith('Failed to load resource')) return;
    errors.push(`${message.text()} (on ${page.url()})`);
  });
  page.on('pageerror', (error) => errors.push(`${error.message} (on ${page.url()})`));
  page.on('response', (response) => {
    if (response.request().isNavigationRequest() || response.status() < 400) return;
    errors.push(`${response.url()} answered ${response.status()} (on ${page.url()})`);
  });
  page.on('requestfailed', (request) => {
    // ERR_ABORTED: the browser dropped a load because the page moved on.
    if (request.isNavigationRequest() || request.failure()?.errorText === 'net::ERR_ABORTED') return;
    errors.push(`${request.url()} failed: ${request.failure()?.errorText} (on ${page.url()})`);
  });
  return errors;
}

// A navigation's final document: the first main-frame response that is not
// a redirect (a POST answered 303 is followed by the GET it points to).
function finalDocument(page) {
  return page.waitForResponse((response) => {
    const request = response.request();
    return request.isNavigationRequest() && request.frame() === page.mainFrame() &&
      (response.status() < 300 || response.status() >= 400);
  });
}

// Opens `path` and returns the HTTP status of the page the browser ends on
// (page.goto follows redirects and answers with the first non-redirect).
export async function visit(page, path) {
  const response = await page.goto(path);
  expect(response !== null, `no response for ${path}`);
  return response.status();
}

// Clicks what submits a form (or follows a link) and waits for the page it
// leads to; returns that page's HTTP status.
export async function submit(page, control) {
  const arrived = finalDocument(page);
  // The new document committing resets the load state, so the wait below is
  // for the new page, not the one the click was on.
  const committed = page.waitForEvent('framenavigated', { predicate: (frame) => frame === page.mainFrame() });
  await control.click();
  const [response] = await Promise.all([arrived, committed]);
  await page.waitForLoadState('load');
  return response.status();
}

// By its accessible name: the whole name when a string is given, so
// "Sign in" is never "Sign in again".
export function button(page, name) {
  return page.getByRole('button', { name, exact: typeof name === 'string' });
}
