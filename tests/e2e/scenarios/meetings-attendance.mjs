// The business unit of Southend opens the Board's November 2011 meeting and
// records that a substitute came for the Designated Doctor: sent without the
// substitute's name the form names the field in an error summary and saves
// nothing; with the name, the meeting shows it. A confidential paper is
// uploaded and listed, a decision recorded, the letters to member agencies
// drafted (one is fetched as PDF), and a meeting scheduled. The pages are
// accessible.
import { person, signIn } from '../lib/account.mjs';
import { expectAccessible } from '../lib/axe.mjs';
import { button, expect, heading, pathOf, submit, visit } from '../lib/pages.mjs';
import { runCommand } from '../lib/server.mjs';

const BOARD = 'Southend LSCB Overarching Board';
const SEAT = 'Designated Doctor';
const unit = person('business_unit', { scope: 'partnership:1' });

function seatRow(page) {
  return page.locator('#attendance ~ table tbody tr').filter({ has: page.getByRole('rowheader', { name: SEAT, exact: true }) });
}

export default async function (run) {
  const { server } = run;
  await runCommand(server.binary, ['demo', '--db', server.db, '--config', server.config]);
  await server.addUser(unit);

  const page = await run.newPage();
  await signIn(page, unit);
  expect(await visit(page, '/meetings') === 200, 'GET /meetings did not answer 200');
  await page.locator('#body').selectOption({ label: BOARD });
  await submit(page, button(page, 'Show meetings'));
  await expectAccessible(page, 'the Board\'s meetings');
  const meetings = page.locator('table tbody tr');
  expect(await meetings.count() === 3, `the Board has ${await meetings.count()} meetings listed, not 3`);
  await submit(page, meetings.first().getByRole('link'));
  expect(/^\/meetings\/\d+$/.test(pathOf(page)), `the meeting's link went to ${pathOf(page)}`);
  const meetingPath = pathOf(page);
  expect(await page.getByText('Monitor Key PIs').count() > 0, 'the agenda made from the forward plan is not shown');
  await expectAccessible(page, 'the meeting page');

  await submit(page, page.getByRole('button', { name: 'Record attendance' }));
  expect(pathOf(page) === `${meetingPath}/attendance`, `Record attendance went to ${pathOf(page)}`);
  await expectAccessible(page, 'the attendance form');
  const group = page.getByRole('group', { name: new RegExp(`^${SEAT} `) });
  expect(await group.count() === 1, `the form has ${await group.count()} groups for the ${SEAT}`);
  await group.getByLabel('Substitute', { exact: true }).check();
  const substitute = page.getByLabel(`Substitute for the ${SEAT}`, { exact: true });
  await substitute.fill('');
  const refused = await submit(page, button(page, 'Save attendance'));
  expect(refused === 422, `attendance with a nameless substitute answered ${refused}, not 422`);
  const links = await page.locator('.govuk-error-summary a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  const id = await substitute.getAttribute('id');
  expect(links.includes(`#${id}`), `the error summary does not link to #${id} (links: ${links.join(', ')})`);
  expect((await page.title()).startsWith('Error: '), `the title "${await page.title()}" does not start "Error: "`);
  await expectAccessible(page, 'the attendance form with an error');

  await substitute.fill('Dr Amira Shah');
  const saved = await submit(page, button(page, 'Save attendance'));
  expect(saved === 200, `saving attendance ended on a page answering ${saved}`);
  expect(pathOf(page) === meetingPath, `after saving, the browser is at ${pathOf(page)}`);
  const row = (await seatRow(page).innerText()).replace(/\s+/g, ' ');
  expect(/Substitute: Dr Amira Shah/.test(row), `the ${SEAT}'s row reads "${row}"`);

  // A confidential paper for the meeting.
  await page.locator('#paper_title').fill('Child death review panel report');
  await page.locator('#paper').setInputFiles({ name: 'cdop-report.txt', mimeType: 'text/plain',
    buffer: Buffer.from('Report of the Strategic Child Death Review Panel.\n') });
  await page.getByLabel(/^Confidential/).check();
  const uploaded = await submit(page, button(page, 'Upload paper'));
  expect(uploaded === 200, `uploading the paper ended on a page answering ${uploaded}`);
  const paper = page.getByRole('link', { name: 'Child death review panel report' });
  expect(await paper.count() === 1, 'the uploaded paper is not listed');
  const listed = (await page.locator('li', { has: paper }).innerText());
  expect(/Confidential/.test(listed), `the paper is listed as "${listed}"`);
  await expectAccessible(page, 'the meeting page with a paper');

  // The decision on the first agenda item.
  const item = page.locator('#agenda ~ ol > li').first();
  await item.locator('summary').click();
  await item.getByRole('textbox').fill('The Board noted the key PIs and asked for a report on referrals.');
  const decided = await submit(page, item.getByRole('button', { name: /^Save/ }));
  expect(decided === 200, `saving the decision ended on a page answering ${decided}`);
  expect(await page.getByText('Decision: The Board noted the key PIs').count() === 1, 'the decision is not shown');

  // The letters to member agencies after the held meeting, as a page and a PDF.
  const drafted = await submit(page, button(page, 'Draft the letters to member agencies'));
  expect(drafted === 200, `drafting the letters ended on a page answering ${drafted}`);
  const letters = page.locator('#letters ~ table tbody tr');
  expect(await letters.count() > 10, `${await letters.count()} letters were drafted for the Board's member agencies`);
  const police = letters.filter({ has: page.getByRole('rowheader', { name: 'Essex Police', exact: true }) });
  expect(await police.count() === 1, 'Essex Police has no letter');
  const pdf = await page.evaluate(async (href) => {
    const response = await fetch(href);
    const bytes = new Uint8Array(await response.arrayBuffer());
    return { status: response.status, start: String.fromCharCode(...bytes.slice(0, 5)) };
  }, await police.getByRole('link', { name: /^PDF/ }).getAttribute('href'));
  expect(pdf.status === 200 && pdf.start === '%PDF-', `the letter's PDF answered ${pdf.status} starting "${pdf.start}"`);
  await expectAccessible(page, 'the meeting page with its letters');

  // Scheduling a meeting: the form first names the missing date.
  expect(await visit(page, meetingPath.replace(/\/meetings\/\d+$/, '/meetings')) === 200, 'GET /meetings failed');
  await page.locator('#body').selectOption({ label: BOARD });
  await submit(page, button(page, 'Show meetings'));
  await submit(page, page.getByRole('button', { name: 'Add a meeting' }));
  await expectAccessible(page, 'the form to add a meeting');
  const empty = await submit(page, button(page, 'Add meeting'));
  expect(empty === 422, `the meeting without a date answered ${empty}, not 422`);
  const formLinks = await page.locator('.govuk-error-summary a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  expect(formLinks.includes('#date'), `the error summary does not link to #date (links: ${formLinks.join(', ')})`);
  await page.locator('#date').fill('2030-01-15');
  await page.locator('#start_time').fill('14:00');
  await page.locator('#end_time').fill('16:30');
  await page.locator('#place').fill('Civic Centre, Southend-on-Sea');
  await page.getByLabel('Confirmed', { exact: true }).check();
  const added = await submit(page, button(page, 'Add meeting'));
  expect(added === 200, `adding the meeting ended on a page answering ${added}`);
  expect(/Tuesday 15 January 2030, 14:00 to 16:30/.test(await page.locator('main').innerText()),
    'the new meeting does not show its time');

  expect(await visit(page, '/reports/attendance?from=2011-10-01&to=2012-09-30') === 200, 'the attendance report did not answer 200');
  const headline = await page.locator('.govuk-panel__body').innerText();
  expect(/of partner agency representatives attended 66% or more/.test(headline), `the headline reads "${headline}"`);
  await expectAccessible(page, 'the attendance report');
  expect(await heading(page) === 'Attendance report', `the report's h1 is "${await heading(page)}"`);
}
