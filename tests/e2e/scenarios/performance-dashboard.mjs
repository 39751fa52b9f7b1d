// A viewer of Southend opens the performance dashboard: the latest
// quarter's headline figures with their ratings in words and a trend image
// each, and the completeness of the period. One click leads to the period's
// exceptions, another to the period's returns, and another to an
// indicator's page, whose trend and comparison charts each carry a text
// alternative and the data as a table beside them. Every page is accessible.
import { person, signIn } from '../lib/account.mjs';
import { expectAccessible } from '../lib/axe.mjs';
import { expect, heading, pathOf, submit, visit } from '../lib/pages.mjs';
import { runCommand } from '../lib/server.mjs';

// The demo's partnerships are numbered in the order of data/demo/partnerships.json: Southend is the first.
const viewer = person('viewer', { scope: 'partnership:1' });

export default async function (run) {
  const { server } = run;
  await runCommand(server.binary, ['demo', '--db', server.db, '--config', server.config]);
  await server.addUser(viewer);
  const page = await run.newPage();
  await signIn(page, viewer);

  // The header's way in, for every role.
  await submit(page, page.getByRole('link', { name: 'Performance', exact: true }));
  expect(pathOf(page) === '/performance', `the header's Performance link went to ${pathOf(page)}`);
  expect(await heading(page) === 'Performance', `the dashboard's h1 is "${await heading(page)}"`);
  const ratings = await page.locator('table .govuk-tag').allInnerTexts();
  expect(ratings.some((r) => /^(Red|Amber|Green)$/.test(r.trim())), `no rating in words on the dashboard: ${ratings.join(', ')}`);
  const sparklines = page.locator('table img[src^="data:image/svg+xml"]');
  expect(await sparklines.count() > 0, 'the dashboard shows no trend images');
  for (const alt of await sparklines.evaluateAll((imgs) => imgs.map((i) => i.getAttribute('alt')))) {
    expect(alt && alt.trim().length > 0, 'a trend image has no text alternative');
  }
  await expectAccessible(page, 'the dashboard');

  // One click to the latest period's exceptions.
  await submit(page, page.getByRole('link', { name: /exception/ }).first());
  expect(/^\/performance\/periods\/\d+\/exceptions$/.test(pathOf(page)), `the exceptions link went to ${pathOf(page)}`);
  expect((await heading(page)).startsWith('Exceptions in '), `the exceptions page's h1 is "${await heading(page)}"`);
  await expectAccessible(page, 'the exceptions of the latest period');

  // The period's returns: who returned, who is late or missing.
  await submit(page, page.getByRole('link', { name: /^all the returns for / }));
  expect(/^\/performance\/periods\/\d+$/.test(pathOf(page)), `the period link went to ${pathOf(page)}`);
  expect((await heading(page)).startsWith('Returns for '), `the period page's h1 is "${await heading(page)}"`);
  await expectAccessible(page, 'the returns of the latest period');

  // An indicator: the trend with its target and the agencies side by side, each with its table.
  expect(await visit(page, '/performance') === 200, 'GET /performance did not answer 200');
  await submit(page, page.getByRole('link', { name: /^TRN01: / }));
  expect(/^\/performance\/indicators\/\d+$/.test(pathOf(page)), `the indicator link went to ${pathOf(page)}`);
  const charts = page.locator('img[src^="data:image/svg+xml"]');
  expect(await charts.count() >= 2, `the indicator page shows ${await charts.count()} charts, not a trend and bars`);
  const tables = await page.locator('table').count();
  expect(tables >= 3, `the indicator page has ${tables} tables: its targets and each chart's data are expected`);
  const body = await page.locator('main').innerText();
  expect(body.includes('Southend University Hospital NHS Trust'), 'the comparison does not name Southend University Hospital NHS Trust');
  await expectAccessible(page, 'an indicator with its charts');
}
