// The business unit of Southend opens the 2011–2014 business plan, reads its
// RAG summary, lists the overdue actions, and reports progress on action 3.1
// with a file of evidence: the form first names the missing progress text in
// an error summary, then the update shows on the action with its status, RAG
// and a working download. The plan, the report, the review, the lists and the
// forms are accessible.
import { person, signIn } from '../lib/account.mjs';
import { expectAccessible } from '../lib/axe.mjs';
import { button, expect, heading, pathOf, submit, visit } from '../lib/pages.mjs';
import { runCommand } from '../lib/server.mjs';

const PLAN = 'Business Plan 2011–2014';

// The demo's partnerships are numbered in the order of data/demo/partnerships.json: Southend is the first.
const unit = person('business_unit', { scope: 'partnership:1' });

// A small PDF, as a scanner would save a signed minute.
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n' +
  '2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n' +
  'trailer << /Root 1 0 R >>\n%%EOF\n');

export default async function (run) {
  const { server } = run;
  await runCommand(server.binary, ['demo', '--db', server.db, '--config', server.config]);
  await server.addUser(unit);

  const page = await run.newPage();
  await signIn(page, unit);
  expect(await visit(page, '/plans') === 200, 'GET /plans did not answer 200');
  await expectAccessible(page, 'the list of plans');
  await submit(page, page.getByRole('link', { name: PLAN }));
  expect(await heading(page) === PLAN, `the plan page's h1 is "${await heading(page)}"`);
  await expectAccessible(page, 'the plan page');

  // The summary on a chosen day links to the actions it counts as overdue.
  await page.locator('#on').fill('2012-11-01');
  await submit(page, button(page, 'Show summary'));
  const overdue = page.getByRole('link', { name: /^\d+ actions$/ });
  const counted = Number((await overdue.innerText()).split(' ')[0]);
  expect(counted > 0, 'no action of the 2011–2014 plan is overdue on 1 November 2012');
  await submit(page, overdue);
  expect(pathOf(page) === '/actions', `the overdue link went to ${pathOf(page)}`);
  const listed = await page.locator('table.safeboard-actions tbody tr').count();
  expect(listed === Math.min(counted, 50), `the summary counts ${counted} overdue, the list shows ${listed}`);
  await expectAccessible(page, 'the overdue actions');

  await visit(page, '/plans');
  await submit(page, page.getByRole('link', { name: PLAN }));
  await submit(page, page.getByRole('link', { name: /^3\.1 / }).first());
  expect(/^\/actions\/\d+$/.test(pathOf(page)), `action 3.1's link went to ${pathOf(page)}`);
  const actionPath = pathOf(page);
  await expectAccessible(page, 'the action page with its update form');

  // Sent without the progress text: every problem named, nothing recorded.
  await page.getByLabel('On track', { exact: true }).check();
  await page.getByLabel('Amber', { exact: true }).check();
  const empty = await submit(page, button(page, 'Add update'));
  expect(empty === 422, `the update without progress text answered ${empty}, not 422`);
  const links = await page.locator('.govuk-error-summary a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  expect(links.includes('#narrative'), `the error summary does not link to #narrative (links: ${links.join(', ')})`);
  expect(await page.getByText('No progress has been reported yet.').count() === 1, 'a refused update was recorded');
  await expectAccessible(page, 'the update form with an error');

  await page.locator('#written_on').fill('2012-03-31');
  await page.getByLabel('On track', { exact: true }).check();
  await page.getByLabel('Amber', { exact: true }).check();
  await page.locator('#narrative').fill('Multi-agency audit of core groups completed.\n\nFindings reported to the Board.');
  await page.locator('#links').fill('https://example.org/board-minutes-march-2012');
  await page.locator('#evidence').setInputFiles({ name: 'core-group-audit.pdf', mimeType: 'application/pdf', buffer: PDF });
  const added = await submit(page, button(page, 'Add update'));
  expect(added === 200, `adding the update ended on a page answering ${added}`);
  expect(pathOf(page) === actionPath, `after the update the browser is at ${pathOf(page)}`);
  const card = page.locator('.govuk-summary-card', { hasText: '2012-03-31' });
  expect(await card.count() === 1, 'the update is not shown on the action');
  const text = (await card.innerText()).replace(/\s+/g, ' ');
  expect(/On track/.test(text) && /Amber/.test(text) && /Findings reported to the Board/.test(text),
    `the update reads "${text}"`);
  const file = card.getByRole('link', { name: 'core-group-audit.pdf' });
  expect(await file.count() === 1, 'the uploaded evidence is not listed');
  // Fetched by the page itself, so with the session as a click would be.
  const download = await page.evaluate(async (href) => {
    const response = await fetch(href);
    const bytes = Array.from(new Uint8Array(await response.arrayBuffer()));
    return { status: response.status, disposition: response.headers.get('content-disposition') ?? '', bytes };
  }, await file.getAttribute('href'));
  expect(download.status === 200, `downloading the evidence answered ${download.status}`);
  expect(Buffer.compare(Buffer.from(download.bytes), PDF) === 0, 'the evidence downloaded is not the file uploaded');
  expect(/^attachment/.test(download.disposition), `the evidence is sent as "${download.disposition}", not an attachment`);
  await expectAccessible(page, 'the action page with an update');

  // The board's report and the yearly review read the same plan.
  await visit(page, '/plans');
  await submit(page, page.getByRole('link', { name: PLAN }));
  await submit(page, page.getByRole('button', { name: 'Progress report' }));
  const row = page.locator('tbody tr').filter({ has: page.getByRole('link', { name: /^3\.1 / }) });
  expect(await row.count() === 1, `the report has ${await row.count()} rows for action 3.1`);
  expect(/Findings reported to the Board/.test(await row.innerText()), 'the report\'s row for 3.1 does not show the update');
  await expectAccessible(page, 'the progress report');
  await page.goBack();
  await submit(page, page.getByRole('button', { name: 'Yearly review' }));
  expect(await heading(page) === 'Yearly review', `the review page's h1 is "${await heading(page)}"`);
  await expectAccessible(page, 'the yearly review');

  expect(await visit(page, '/recommendations?partnership=2') === 404, 'Southend\'s business unit can list Essex recommendations');
  expect(await visit(page, '/recommendations') === 200, 'GET /recommendations did not answer 200');
  await expectAccessible(page, 'the recommendations register');
}
