// The sign-in form is protected too, so another site cannot sign a person
// in to an account of its choosing: a forged token is refused with a 403.
import { expectSignedOut, person } from '../lib/account.mjs';
import { expect, button, submit, visit } from '../lib/pages.mjs';

const member = person('member');
export const users = [member];

export default async function (run) {
  const page = await run.newPage();
  await visit(page, '/sign-in');
  await page.locator('input[name="email"]').fill(member.email);
  await page.locator('input[name="password"]').fill(member.password);
  await page.locator('input[name="csrf_token"]').evaluate((input) => { input.value = 'forged'; });
  const status = await submit(page, button(page, 'Sign in'));
  expect(status === 403, `signing in with a forged token answered ${status}, not 403`);
  await expectSignedOut(page);
}
