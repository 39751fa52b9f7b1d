// Signing out ends the session: the account page then asks to sign in.
import { expectSignedIn, expectSignedOut, person, signIn, signOut } from '../lib/account.mjs';
import { expectAccessible } from '../lib/axe.mjs';
import { expect, pathOf } from '../lib/pages.mjs';

const member = person('member');
export const users = [member];

export default async function (run) {
  const page = await run.newPage();
  await signIn(page, member);
  await expectSignedIn(page);
  await expectAccessible(page, 'the account page');

  const status = await signOut(page);
  expect(status === 200, `signing out ended on a page answered ${status}`);
  expect(pathOf(page) !== '/account', 'still on the account page after signing out');
  await expectAccessible(page, 'the page after signing out');
  await expectSignedOut(page);
}
