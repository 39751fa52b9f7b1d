// A wrong password, or an email with no account, is refused with the same
// GOV.UK error summary, linked to the field, and signs nobody in; the right
// password afterwards works.
import { expectSignedIn, expectSignedOut, newPassword, person, signIn } from '../lib/account.mjs';
import { expectAccessible } from '../lib/axe.mjs';
import { expect, pathOf } from '../lib/pages.mjs';

const member = person('member');
export const users = [member];

async function expectRefused(page, status, what) {
  expect(status === 200 || (status >= 400 && status < 500), `${what} answered ${status}`);
  expect(pathOf(page) === '/sign-in', `${what} went to ${pathOf(page)}, not back to /sign-in`);
  expect((await page.title()).startsWith('Error: '), `${what}: the title "${await page.title()}" does not start "Error: "`);
  const summary = page.locator('.govuk-error-summary');
  expect(await summary.count() === 1, `${what} shows no GOV.UK error summary`);
  const text = (await summary.innerText()).replace(/\s+/g, ' ');
  expect(/email/i.test(text) && /password/i.test(text), `${what}: the error summary does not mention the email or password: ${text}`);
  const links = await summary.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  expect(links.some((href) => href === '#email' || href === '#password'),
    `${what}: the error summary does not link to #email or #password (links: ${links.join(', ') || 'none'})`);
  for (const href of links.filter((h) => h?.startsWith('#'))) {
    expect(await page.locator(href).count() === 1, `${what}: the error summary links to ${href}, which is not on the page`);
  }
  return text;
}

export default async function (run) {
  const page = await run.newPage();

  const wrongPassword = await signIn(page, { email: member.email, password: newPassword() });
  const message = await expectRefused(page, wrongPassword, 'a wrong password');
  await expectAccessible(page, 'the sign-in page with an error');

  const unknownEmail = await signIn(page, { email: 'nobody@e2e.example', password: newPassword() });
  const other = await expectRefused(page, unknownEmail, 'an email with no account');
  expect(other === message, `an unknown email and a wrong password are told apart:\n  "${message}"\n  "${other}"`);

  await expectSignedOut(page);
  await signIn(page, member);
  await expectSignedIn(page);
}
