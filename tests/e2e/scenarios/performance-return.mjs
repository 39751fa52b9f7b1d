// The safeguarding lead of Southend University Hospital NHS Trust opens its
// returns, which list last year's unreturned quarters as overdue, and starts
// the return for a period with none yet. Sent with a percentage over 100, a
// count that is not whole and a value missing, the form names every problem
// in an error summary; sent with a numerator above its denominator, it names
// that; nothing is saved. Then valid values are saved and the return
// submitted, and the business unit finds it waiting for review. A file of
// returns with a bad row is refused whole, the row named. Every page visited
// is accessible.
import { person, signIn } from '../lib/account.mjs';
import { expectAccessible } from '../lib/axe.mjs';
import { button, expect, heading, pathOf, submit, visit } from '../lib/pages.mjs';
import { runCommand } from '../lib/server.mjs';

const HOSPITAL = 'Southend University Hospital NHS Trust';
// The demo's partnerships are numbered in the order of data/demo/partnerships.json: Southend is the first.
const unit = person('business_unit', { scope: 'partnership:1' });

// A field of the return form, by the name the form gives it ("values[DBS01].value").
function valueField(page, code, part) {
  return page.locator(`[id="values[${code}].${part}"]`);
}

async function summaryLinks(page) {
  return page.locator('.govuk-error-summary a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
}

async function expectSummary(page, fields, what) {
  const links = await summaryLinks(page);
  for (const field of fields) {
    expect(links.includes(`#${field}`), `${what}: the error summary does not link to #${field} (links: ${links.join(', ')})`);
  }
  expect(links.length === fields.length, `${what}: the error summary links to ${links.join(', ')}, not only ${fields.join(', ')}`);
  expect((await page.title()).startsWith('Error: '), `${what}: the title "${await page.title()}" does not start "Error: "`);
}

async function fill(page, values) {
  for (const [field, value] of Object.entries(values)) {
    const [, code, part] = /^(\w+)\.(\w+)$/.exec(field);
    await valueField(page, code, part).fill(value);
  }
}

// The register shows the hospital's number, which the lead's grant names.
async function hospitalId(page) {
  await visit(page, `/organisations?partnership=1&q=${encodeURIComponent(HOSPITAL)}`);
  const href = await page.getByRole('link', { name: HOSPITAL, exact: true }).first().getAttribute('href');
  const id = /^\/organisations\/(\d+)$/.exec(href ?? '')?.[1];
  expect(id, `the register's link to ${HOSPITAL} is "${href}"`);
  return id;
}

export default async function (run) {
  const { server } = run;
  await runCommand(server.binary, ['demo', '--db', server.db, '--config', server.config]);
  await server.addUser(unit);
  const unitPage = await run.newPage();
  await signIn(unitPage, unit);
  const lead = person('agency_lead', { scope: `organisation:${await hospitalId(unitPage)}` });
  await server.addUser(lead);

  const page = await run.newPage();
  await signIn(page, lead);
  expect(await visit(page, '/performance/returns') === 200, 'GET /performance/returns did not answer 200');
  expect(await heading(page) === 'Your returns', `the returns page's h1 is "${await heading(page)}"`);
  const table = await page.locator('main table').first().innerText();
  expect(table.includes('Q4 2011/12') && /Not started/.test(table) && /Overdue/.test(table),
    'the hospital\'s returns do not list its demo returns and last year\'s overdue quarters');
  await expectAccessible(page, 'the list of returns');

  // A quarter with no return yet, from those the form offers.
  const periods = page.locator('select[name="period"]');
  const quarter = (await periods.locator('option').evaluateAll((os) => os.map((o) => o.value)))
    .find((name) => name.startsWith('Q'));
  expect(quarter, 'the form offers no quarter to start');
  await periods.selectOption(quarter);
  await submit(page, button(page, 'Start the return'));
  expect(/^\/performance\/returns\/\d+$/.test(pathOf(page)), `starting the return went to ${pathOf(page)}`);
  const returnPath = pathOf(page);
  expect(await heading(page) === `Return for ${quarter}`, `the return's h1 is "${await heading(page)}"`);
  await expectAccessible(page, 'a draft return');

  // A percentage over 100, a count that is not whole and a value missing: every one named, nothing saved.
  await fill(page, { 'DBS01.value': '120', 'ALG01.value': '2.5' });
  const refused = await submit(page, button(page, 'Submit'));
  expect(refused === 422, `submitting bad values answered ${refused}, not 422`);
  await expectSummary(page, ['values[DBS01].value', 'values[ALG01].value', 'values[REF01].value'], 'bad values');
  await expectAccessible(page, 'the return form with errors');

  // A numerator above its denominator.
  await fill(page, {
    'DBS01.value': '', 'DBS01.numerator': '130', 'DBS01.denominator': '100', 'ALG01.value': '1', 'REF01.value': '14',
  });
  const counts = await submit(page, button(page, 'Save'));
  expect(counts === 422, `saving a numerator above its denominator answered ${counts}, not 422`);
  await expectSummary(page, ['values[DBS01].numerator'], 'a numerator above its denominator');
  expect(await visit(page, returnPath) === 200, `GET ${returnPath} did not answer 200`);
  expect(await valueField(page, 'ALG01', 'value').inputValue() === '', 'a refused form saved ALG01');

  // Valid values, saved, then the return submitted.
  await fill(page, {
    'DBS01.numerator': '1890', 'DBS01.denominator': '1900', 'DBS01.note': 'Two starters awaiting checks',
    'ALG01.value': '1', 'REF01.value': '14',
  });
  const saved = await submit(page, button(page, 'Save'));
  expect(saved === 200, `saving the values ended on a page answering ${saved}`);
  expect(pathOf(page) === returnPath, `after saving, the browser is at ${pathOf(page)}`);
  expect(await page.getByText('The values are saved').count() === 1, 'no word that the values are saved');
  const worked = await valueField(page, 'DBS01', 'value').inputValue();
  expect(worked.startsWith('99.47'), `DBS01's value was not worked out from its counts: "${worked}"`);
  await expectAccessible(page, 'the return with its values saved');
  const sent = await submit(page, button(page, 'Submit'));
  expect(sent === 200, `submitting the return ended on a page answering ${sent}`);
  const status = (await page.locator('#status').innerText()).replace(/\s+/g, ' ');
  expect(/Submitted/.test(status), `after submitting, the status reads "${status}"`);
  expect(await valueField(page, 'DBS01', 'value').count() === 0, 'a submitted return is still a form');
  await expectAccessible(page, 'the submitted return');

  // The business unit finds it waiting for review.
  expect(await visit(unitPage, '/performance/returns') === 200, 'the business unit\'s returns did not answer 200');
  const waiting = unitPage.locator(`#waiting + table a[href="${returnPath}"]`);
  expect(await waiting.count() === 1, `the submitted return of ${HOSPITAL} is not waiting for review`);
  expect((await waiting.innerText()).startsWith(HOSPITAL), `the waiting return's link reads "${await waiting.innerText()}"`);
  await expectAccessible(unitPage, 'the returns waiting for review');
  await submit(unitPage, waiting);
  expect(pathOf(unitPage) === returnPath, `the waiting return's link went to ${pathOf(unitPage)}`);
  expect(await button(unitPage, 'Accept the return').count() === 1, 'the business unit is not offered to accept it');
  await expectAccessible(unitPage, 'a submitted return, for review');

  // A file of returns with a bad row is refused whole, the row named.
  await visit(unitPage, '/performance/returns');
  await submit(unitPage, unitPage.getByRole('link', { name: /^Import returns from a file/ }));
  expect(pathOf(unitPage) === '/performance/import', `the import link went to ${pathOf(unitPage)}`);
  await expectAccessible(unitPage, 'the import form');
  const csv = 'organisation,indicator,period_start,period_end,value,numerator,denominator,note,submitted_on\n' +
    'Essex Police,ALG01,2012-07-01,2012-09-30,2,,,,\nEssex Police,DBS01,2012-07-01,2012-09-30,120,,,,\n';
  await unitPage.locator('#file').setInputFiles({ name: 'returns.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  const imported = await submit(unitPage, button(unitPage, 'Import'));
  expect(imported === 422, `a file with a bad row answered ${imported}, not 422`);
  const summary = (await unitPage.locator('.govuk-error-summary').innerText()).replace(/\s+/g, ' ');
  expect(/Line 3, value/.test(summary), `the error summary does not name line 3's value: "${summary}"`);
  await expectAccessible(unitPage, 'the import form with a refused file');
}
