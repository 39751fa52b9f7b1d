// The business unit of the Essex partnership adds a body through the form
// (which first names the missing name in an error summary), adds a chair to
// it and finds them on the body's page. The list, the forms and the body
// page are accessible.
import { person, signIn } from '../lib/account.mjs';
import { expectAccessible } from '../lib/axe.mjs';
import { button, expect, heading, pathOf, submit, visit } from '../lib/pages.mjs';
import { runCommand } from '../lib/server.mjs';

const ESSEX = 'Essex Safeguarding Children Board';
const BODY = 'E2E Online Safety Group';

// The demo's partnerships are numbered in the order of data/demo/partnerships.json: Essex is the second.
const unit = person('business_unit', { scope: 'partnership:2' });

async function expectErrorSummaryFor(page, field) {
  const summary = page.locator('.govuk-error-summary');
  expect(await summary.count() === 1, 'the form sent without a name shows no GOV.UK error summary');
  const links = await summary.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  expect(links.includes(`#${field}`), `the error summary does not link to #${field} (links: ${links.join(', ')})`);
  expect(await page.locator(`#${field}`).count() === 1, `the error summary links to #${field}, which is not on the page`);
  expect((await page.title()).startsWith('Error: '), `the title "${await page.title()}" does not start "Error: "`);
}

export default async function (run) {
  const { server } = run;
  // The role names a partnership, so the demo goes in before the user.
  await runCommand(server.binary, ['demo', '--db', server.db, '--config', server.config]);
  await server.addUser(unit);

  const page = await run.newPage();
  await signIn(page, unit);
  expect(await visit(page, '/register') === 200, 'GET /register did not answer 200');
  const partnerships = page.locator('main ul.govuk-list').first().getByRole('link');
  expect(await partnerships.count() === 1, `the business unit of Essex sees ${await partnerships.count()} partnerships`);
  await submit(page, page.getByRole('link', { name: ESSEX }));
  expect(await heading(page) === ESSEX, `the partnership page's h1 is "${await heading(page)}"`);

  await submit(page, page.getByRole('link', { name: 'Bodies', exact: true }));
  expect(pathOf(page) === '/bodies', `the Bodies link went to ${pathOf(page)}`);
  expect(await page.getByRole('link', { name: 'ESCB Executive Board' }).count() > 0, 'the demo bodies are not listed');
  await expectAccessible(page, 'the list of bodies');

  await submit(page, button(page, 'Add a body'));
  expect(pathOf(page) === '/bodies/new', `Add a body went to ${pathOf(page)}`);
  await expectAccessible(page, 'the form to add a body');

  const empty = await submit(page, button(page, 'Add body'));
  expect(empty === 422, `the form sent without a name answered ${empty}, not 422`);
  await expectErrorSummaryFor(page, 'name');
  await expectAccessible(page, 'the form to add a body, with an error');

  await page.locator('#name').fill(BODY);
  await page.getByLabel('Task and finish group', { exact: true }).check();
  expect(await page.getByLabel(ESSEX).isChecked(), 'Essex is not ticked among the partnerships');
  await page.locator('#meeting_frequency').fill('Monthly');
  await page.locator('#terms_of_reference').fill('To review online safety guidance.\n\nTo report to the Executive Board.');
  const added = await submit(page, button(page, 'Add body'));
  expect(added === 200, `adding the body ended on a page answering ${added}`);
  expect(await heading(page) === BODY, `after adding the body the h1 is "${await heading(page)}"`);
  await expectAccessible(page, 'the body page');

  await submit(page, button(page, 'Add a member'));
  expect(/^\/bodies\/\d+\/members\/new$/.test(pathOf(page)), `Add a member went to ${pathOf(page)}`);
  await expectAccessible(page, 'the form to add a member');
  await page.locator('#seat_title').fill('Designated Doctor');
  await page.getByLabel('Chair', { exact: true }).check();
  await page.locator('#organisation').selectOption({ label: 'Essex Police' });
  const member = await submit(page, button(page, 'Add member'));
  expect(member === 200, `adding the member ended on a page answering ${member}`);
  expect(await heading(page) === BODY, `after adding the member the h1 is "${await heading(page)}"`);
  const row = page.locator('#members ~ table tbody tr', { hasText: 'Designated Doctor' });
  expect(await row.count() === 1, 'the new member is not in the members table');
  const text = (await row.innerText()).replace(/\s+/g, ' ');
  expect(/Chair/.test(text) && /Essex Police/.test(text), `the member's row reads "${text}"`);
  expect(await page.locator('.govuk-inset-text', { hasText: 'Chair' }).count() === 1, 'the chair is not highlighted');
  await expectAccessible(page, 'the body page with a member');
}
