// A member of Essex's case review panel (who signs in with a second factor)
// opens the learning reviews, finds Child D / 2026 with the notification to
// the national Panel overdue, and records the rapid review decision: sent
// empty, the form names every field in an error summary and records nothing;
// then a local child safeguarding practice review ratified by Essex Police,
// which the case shows with the clock's decision step done. The yearly
// summary of lessons is a page and a PDF. A viewer of Essex is told there is
// no such review. Every page visited is accessible.
import { enrolInMfa, person, signIn } from '../lib/account.mjs';
import { expectAccessible } from '../lib/axe.mjs';
import { button, expect, heading, pathOf, submit, visit } from '../lib/pages.mjs';
import { runCommand } from '../lib/server.mjs';

const CASE = 'Child D / 2026';
const ESSEX = 'partnership:2';
const panel = person('review_panel', { scope: ESSEX });
const viewer = person('viewer', { scope: ESSEX });

// The row of the case's clock whose step starts with `step`.
function clockRow(page, step) {
  return page.locator('#clock + table tbody tr')
    .filter({ has: page.getByRole('rowheader', { name: new RegExp(`^${step}`) }) });
}

async function rowText(locator) {
  return (await locator.innerText()).replace(/\s+/g, ' ').trim();
}

// The value beside a key of the case's summary list.
async function detail(page, key) {
  const row = page.locator('.govuk-summary-list__row')
    .filter({ has: page.locator('dt', { hasText: new RegExp(`^${key}$`) }) });
  return rowText(row.locator('dd'));
}

async function summaryLinks(page) {
  return page.locator('.govuk-error-summary a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
}

export default async function (run) {
  const { server } = run;
  await runCommand(server.binary, ['demo', '--db', server.db, '--config', server.config]);
  await server.addUser(panel);
  await server.addUser(viewer);

  // The panel's role needs a second factor: the first sign-in sets it up.
  const page = await run.newPage();
  await signIn(page, panel);
  await enrolInMfa(page);

  expect(await visit(page, '/reviews') === 200, 'GET /reviews did not answer 200');
  expect(await heading(page) === 'Learning reviews', `the list's h1 is "${await heading(page)}"`);
  await expectAccessible(page, 'the learning reviews list');
  const overdue = page.locator('#deadlines + table tbody tr').filter({ hasText: CASE }).first();
  expect(/Overdue/.test(await rowText(overdue)), `${CASE}'s nearest deadline reads "${await rowText(overdue)}"`);
  await submit(page, page.locator('#cases + table').getByRole('link', { name: CASE, exact: true }));
  expect(/^\/reviews\/\d+$/.test(pathOf(page)), `the case's link went to ${pathOf(page)}`);
  const casePath = pathOf(page);
  expect(await heading(page) === CASE, `the case page's h1 is "${await heading(page)}"`);
  const notification = await rowText(clockRow(page, 'Notify the national'));
  expect(/20 November 2026/.test(notification) && /Overdue/.test(notification),
    `the notification step reads "${notification}", not due on 20 November 2026 and overdue`);
  await expectAccessible(page, 'the case page');

  // Sent empty, the decision form names every field and records nothing.
  await submit(page, page.getByRole('button', { name: 'Record the decision' }));
  expect(pathOf(page) === `${casePath}/decision`, `Record the decision went to ${pathOf(page)}`);
  await expectAccessible(page, 'the decision form');
  const refused = await submit(page, button(page, 'Record the decision'));
  expect(refused === 422, `the empty decision answered ${refused}, not 422`);
  const links = await summaryLinks(page);
  for (const field of ['#decision', '#ratified_by', '#ratified_on']) {
    expect(links.includes(field), `the error summary does not link to ${field} (links: ${links.join(', ')})`);
  }
  expect((await page.title()).startsWith('Error: '), `the title "${await page.title()}" does not start "Error: "`);
  await expectAccessible(page, 'the decision form with errors');
  expect(await visit(page, casePath) === 200, `GET ${casePath} did not answer 200`);
  expect(await detail(page, 'Decision') === 'Not recorded', `after the refused form the decision reads "${await detail(page, 'Decision')}"`);
  expect(/Not done/.test(await rowText(clockRow(page, 'Decision ratified'))), 'the refused form marked the decision done');

  // The decision, ratified by Essex Police.
  expect(await visit(page, `${casePath}/decision`) === 200, 'the decision form did not answer 200');
  await page.getByLabel('Local child safeguarding practice review', { exact: true }).check();
  await page.locator('#ratified_by').selectOption({ label: 'Essex Police' });
  await page.locator('#ratified_on').fill('2026-11-20');
  const recorded = await submit(page, button(page, 'Record the decision'));
  expect(recorded === 200, `recording the decision ended on a page answering ${recorded}`);
  expect(pathOf(page) === casePath, `after recording, the browser is at ${pathOf(page)}`);
  expect(await detail(page, 'Decision') === 'Local child safeguarding practice review',
    `the decision reads "${await detail(page, 'Decision')}"`);
  expect(await detail(page, 'Ratified by') === 'Essex Police', `ratified by "${await detail(page, 'Ratified by')}"`);
  const decided = await rowText(clockRow(page, 'Decision ratified'));
  expect(/20 November 2026/.test(decided) && /Done/.test(decided), `the clock's decision step reads "${decided}"`);
  await expectAccessible(page, 'the case page with its decision');

  // The yearly summary of lessons, as a page and as a PDF.
  expect(await visit(page, '/reviews') === 200, 'GET /reviews did not answer 200');
  await submit(page, page.getByRole('link', { name: 'yearly summary of lessons for member agencies' }));
  expect(pathOf(page) === '/reviews/lessons', `the summary's link went to ${pathOf(page)}`);
  await page.locator('#from').fill('2026-01-01');
  await page.locator('#to').fill('2026-12-31');
  const shown = await submit(page, button(page, 'Show the summary'));
  expect(shown === 200, `the summary answered ${shown}`);
  const summary = await page.locator('main').innerText();
  expect(summary.includes('Child C / 2025') && summary.includes('moves between schools'),
    'the summary does not give the lessons of Child C / 2025, published in 2026');
  expect(!summary.includes('Child A / 2008'), 'the summary gives Child A / 2008, published in 2008');
  await expectAccessible(page, 'the yearly summary of lessons');
  const pdf = await page.evaluate(async (href) => {
    const response = await fetch(href);
    const bytes = new Uint8Array(await response.arrayBuffer());
    return { status: response.status, type: response.headers.get('content-type'), start: String.fromCharCode(...bytes.slice(0, 5)) };
  }, await page.getByRole('link', { name: /as PDF/ }).getAttribute('href'));
  expect(pdf.status === 200 && pdf.start === '%PDF-' && pdf.type === 'application/pdf',
    `the summary's PDF answered ${pdf.status} (${pdf.type}) starting "${pdf.start}"`);

  // Need to know: a viewer of Essex is told there is no such review.
  const other = await run.newPage();
  await signIn(other, viewer);
  const hidden = await visit(other, casePath);
  expect(hidden === 404, `a viewer got ${hidden} for ${casePath}, not 404`);
  await expectAccessible(other, 'the page a viewer gets for a review');
}
