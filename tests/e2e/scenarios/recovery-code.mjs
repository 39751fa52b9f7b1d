// Someone who has lost their phone signs in with one of their recovery
// codes instead of a code from the app; that recovery code then no longer works.
import { answerChallenge, enrolInMfa, expectSignedIn, person, signIn, signOut } from '../lib/account.mjs';
import { expect, pathOf, visit } from '../lib/pages.mjs';

const admin = person('admin');
export const users = [admin];

export default async function (run) {
  const page = await run.newPage();
  await signIn(page, admin);
  const { recoveryCodes } = await enrolInMfa(page);
  const [code] = recoveryCodes;
  await signOut(page);

  await signIn(page, admin);
  await answerChallenge(page, { code });
  await expectSignedIn(page);
  await signOut(page);

  await signIn(page, admin);
  await answerChallenge(page, { code });
  expect(pathOf(page) === '/sign-in/mfa', `a recovery code was accepted twice (now on ${pathOf(page)})`);
  expect(await page.locator('.govuk-error-summary').count() === 1, 'a used recovery code gives no error summary');
  // The password alone does not open the account.
  await visit(page, '/account');
  expect(pathOf(page) === '/sign-in/mfa', `GET /account after a refused code went to ${pathOf(page)}`);
}
