// An administrator, who must use two-factor authentication, signs in for the
// first time and sets it up from the QR code's secret, keeps the recovery
// codes, signs out, and signs in again with a code from the app. A code that
// has been used once is refused the second time.
import { answerChallenge, enrolInMfa, expectSignedIn, person, signIn, signOut } from '../lib/account.mjs';
import { expectAccessible } from '../lib/axe.mjs';
import { expect, heading, pathOf } from '../lib/pages.mjs';

const admin = person('admin');
export const users = [admin];

export default async function (run) {
  const page = await run.newPage();

  await signIn(page, admin, { onSignInPage: (p) => expectAccessible(p, 'the sign-in page') });
  const { secret, step } = await enrolInMfa(page, {
    onEnrolmentPage: (p) => expectAccessible(p, 'the MFA set-up page'),
    onRecoveryCodesPage: (p) => expectAccessible(p, 'the recovery codes page'),
  });
  expect(await heading(page) === 'Your account', `after setting up MFA the h1 is "${await heading(page)}"`);
  await expectAccessible(page, 'the account page');

  await signOut(page);
  expect(pathOf(page) !== '/account', 'still on the account page after signing out');

  await signIn(page, admin);
  await answerChallenge(page, { secret, step }, {
    onChallengePage: (p) => expectAccessible(p, 'the MFA code page'),
  });
  expect(pathOf(page) === '/sign-in/mfa',
    `the code already used to set up MFA was accepted again (now on ${pathOf(page)})`);
  expect(await page.locator('.govuk-error-summary').count() === 1,
    'a refused code gives no error summary');
  await expectAccessible(page, 'the MFA code page with an error');

  // The next step's code: the server accepts one step either side of now.
  await answerChallenge(page, { secret, step: step + 1 });
  await expectSignedIn(page);
}
