// The business unit of Southend plans a Board meeting: it schedules the
// meeting, adds an item to the Board's forward plan for that month (the
// form first names the missing fields), makes the meeting's agenda from the
// plan, adds a standing item (again after an error) and moves it up, changes
// an item, removes another after the confirmation page, uploads a paper
// marked confidential, and sets the partnership's attendance settings.
// Every page visited is accessible.
import { person, signIn } from '../lib/account.mjs';
import { expectAccessible } from '../lib/axe.mjs';
import { button, expect, pathOf, submit, visit } from '../lib/pages.mjs';
import { runCommand } from '../lib/server.mjs';

const BOARD = 'Southend LSCB Overarching Board';
const PLANNED = 'Private fostering annual report';
const WELCOME = 'Welcome and apologies';
const unit = person('business_unit', { scope: 'partnership:1' });

async function errorLinks(page) {
  return page.locator('.govuk-error-summary a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
}

async function agendaTitles(page) {
  return page.locator('#agenda ~ ol > li > strong:first-child').allInnerTexts();
}

async function expectAgenda(page, titles, when) {
  const shown = await agendaTitles(page);
  expect(JSON.stringify(shown) === JSON.stringify(titles), `${when}, the agenda reads ${JSON.stringify(shown)}`);
}

async function scheduleMeeting(page) {
  expect(await visit(page, '/meetings') === 200, 'GET /meetings did not answer 200');
  await page.locator('#body').selectOption({ label: BOARD });
  await submit(page, button(page, 'Show meetings'));
  const planLink = await page.getByRole('link', { name: `Forward plan of ${BOARD}` }).getAttribute('href');
  await submit(page, page.getByRole('button', { name: 'Add a meeting' }));
  await page.locator('#date').fill('2030-01-15');
  await page.locator('#start_time').fill('14:00');
  await page.locator('#end_time').fill('16:30');
  await page.locator('#place').fill('Civic Centre, Southend-on-Sea');
  const added = await submit(page, button(page, 'Add meeting'));
  expect(added === 200 && /^\/meetings\/\d+$/.test(pathOf(page)), `adding the meeting ended on ${pathOf(page)} (${added})`);
  return { meetingPath: pathOf(page), planPath: `${planLink}&year=2029` };
}

async function addPlanItem(page, planPath) {
  expect(await visit(page, planPath) === 200, `GET ${planPath} did not answer 200`);
  await expectAccessible(page, 'the forward plan for 2029/30');
  await submit(page, page.getByRole('button', { name: 'Add an item' }));
  await expectAccessible(page, 'the form to add a forward plan item');
  const refused = await submit(page, button(page, 'Add item'));
  expect(refused === 422, `the empty forward plan item answered ${refused}, not 422`);
  const links = await errorLinks(page);
  expect(links.includes('#month') && links.includes('#title'), `the error summary links to ${links.join(', ')}`);
  await expectAccessible(page, 'the forward plan item form with errors');
  await page.locator('#month').fill('January 2030');
  await page.getByLabel('Other report or presentation', { exact: true }).check();
  await page.locator('#title').fill(PLANNED);
  await page.locator('#organisation').selectOption({ label: 'Essex Police' });
  const added = await submit(page, button(page, 'Add item'));
  expect(added === 200, `adding the forward plan item ended on a page answering ${added}`);
  const row = page.locator('tbody tr', { hasText: PLANNED });
  expect(await row.count() === 1, 'the new item is not on the forward plan');
  expect(/Planned/.test(await row.innerText()), `the item's row reads "${await row.innerText()}"`);
  await expectAccessible(page, 'the forward plan with the new item');
}

async function addAgendaItem(page) {
  await submit(page, page.getByRole('button', { name: 'Add an agenda item' }));
  await expectAccessible(page, 'the form to add an agenda item');
  const refused = await submit(page, button(page, 'Add item'));
  expect(refused === 422, `the agenda item without a title answered ${refused}, not 422`);
  expect((await errorLinks(page)).includes('#title'), 'the error summary does not link to #title');
  await expectAccessible(page, 'the agenda item form with an error');
  await page.locator('#title').fill(WELCOME);
  await page.getByLabel('Standing item', { exact: true }).check();
  await page.locator('#presenter').fill('Independent Chair');
  const added = await submit(page, button(page, 'Add item'));
  expect(added === 200, `adding the agenda item ended on a page answering ${added}`);
}

async function uploadConfidentialPaper(page) {
  await page.locator('#paper_title').fill('Private fostering: case summaries');
  await page.locator('#agenda_item').selectOption({ label: `2. ${PLANNED}` });
  await page.locator('#paper').setInputFiles({ name: 'private-fostering.txt', mimeType: 'text/plain',
    buffer: Buffer.from('Private fostering arrangements notified this year.\n') });
  await page.getByLabel(/^Confidential/).check();
  const uploaded = await submit(page, button(page, 'Upload paper'));
  expect(uploaded === 200, `uploading the paper ended on a page answering ${uploaded}`);
  const paper = page.getByRole('link', { name: 'Private fostering: case summaries' });
  expect(await paper.count() === 1, 'the uploaded paper is not listed');
  const listed = await page.locator('li', { has: paper }).last().innerText();
  expect(/Confidential/.test(listed), `the paper is listed as "${listed}"`);
}

async function setAttendanceSettings(page) {
  expect(await visit(page, '/meetings/attendance-settings') === 200, 'the attendance settings did not answer 200');
  await expectAccessible(page, 'the attendance settings');
  await page.locator('#good_standard').fill('75');
  await page.getByLabel('For the organisation and the person', { exact: true }).check();
  const saved = await submit(page, button(page, 'Save settings'));
  expect(saved === 200, `saving the settings ended on a page answering ${saved}`);
  expect(await page.locator('.govuk-notification-banner').count() === 1, 'no banner says the settings are saved');
  await expectAccessible(page, 'the attendance settings, saved');
  expect(await visit(page, '/reports/attendance?from=2011-10-01&to=2012-09-30') === 200, 'the report did not answer 200');
  const rule = await page.locator('#rule-applied').innerText();
  expect(/75%.*setting/.test(rule), `the report says "${rule}"`);
  await expectAccessible(page, 'the attendance report by the stored settings');
}

export default async function (run) {
  const { server } = run;
  await runCommand(server.binary, ['demo', '--db', server.db, '--config', server.config]);
  await server.addUser(unit);
  const page = await run.newPage();
  await signIn(page, unit);

  const { meetingPath, planPath } = await scheduleMeeting(page);
  await addPlanItem(page, planPath);

  expect(await visit(page, meetingPath) === 200, `GET ${meetingPath} did not answer 200`);
  await submit(page, button(page, "Add the forward plan's items to the agenda"));
  await expectAgenda(page, [PLANNED], 'after making it from the forward plan');
  await expectAccessible(page, 'the meeting with its agenda');

  await addAgendaItem(page);
  await expectAgenda(page, [PLANNED, WELCOME], 'after adding an item');
  await submit(page, page.getByRole('button', { name: new RegExp(`^Move up item 2, ${WELCOME}`) }));
  await expectAgenda(page, [WELCOME, PLANNED], 'after moving the new item up');
  await expectAccessible(page, 'the meeting with its agenda reordered');

  // Change the planned item's type, then add and remove an item after confirming.
  await submit(page, page.getByRole('link', { name: `Change item 2, ${PLANNED}` }));
  await expectAccessible(page, 'the form to change an agenda item');
  await page.getByLabel('For decision', { exact: true }).check();
  await submit(page, button(page, 'Save changes'));
  expect(/For decision/.test(await page.locator('#agenda ~ ol > li').nth(1).innerText()), 'the item is not for decision');
  await submit(page, page.getByRole('button', { name: 'Add an agenda item' }));
  await page.locator('#title').fill('Any other business');
  await submit(page, button(page, 'Add item'));
  await submit(page, page.getByRole('link', { name: 'Remove item 3, Any other business' }));
  await expectAccessible(page, 'the confirmation before removing an agenda item');
  await submit(page, button(page, 'Yes, remove it'));
  await expectAgenda(page, [WELCOME, PLANNED], 'after removing the third item');

  await uploadConfidentialPaper(page);
  await expectAccessible(page, 'the meeting with a confidential paper');
  await setAttendanceSettings(page);
}
