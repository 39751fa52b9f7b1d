// A form sent with a forged token, or from another site, is refused with a
// 403 page and changes nothing: the person is still signed in.
import { expectSignedIn, person, signIn, signOut } from '../lib/account.mjs';
import { expectAccessible } from '../lib/axe.mjs';
import { expect, heading } from '../lib/pages.mjs';

const member = person('member');
export const users = [member];

const signOutTokens = (page) => page.locator('form[action="/sign-out"] input[name="csrf_token"]');

export default async function (run) {
  const page = await run.newPage();
  await signIn(page, member);
  await expectSignedIn(page);

  expect(await signOutTokens(page).count() > 0, 'no sign-out form with a csrf_token on the account page');
  await signOutTokens(page).evaluateAll((inputs) => inputs.forEach((input) => { input.value = 'forged'; }));
  const status = await signOut(page);
  expect(status === 403, `signing out with a forged token answered ${status}, not 403`);
  const h1 = await heading(page);
  expect(/could not|sorry/i.test(h1), `the 403 page's h1 does not explain: "${h1}"`);
  await expectAccessible(page, 'the 403 page');
  await expectSignedIn(page);

  // The right token, but sent from another site.
  const foreign = await page.request.post('/sign-out', {
    form: { csrf_token: await signOutTokens(page).first().inputValue() },
    headers: { Origin: 'https://evil.example' },
    maxRedirects: 0,
  });
  expect(foreign.status() === 403, `a sign-out from https://evil.example answered ${foreign.status()}, not 403`);
  await expectSignedIn(page);
}
