// Signing in, two-factor authentication and signing out, through the pages.
import { randomBytes } from 'node:crypto';

import { button, expect, heading, pathOf, submit, visit } from './pages.mjs';
import { stepAt, totp } from './totp.mjs';

const RECOVERY_CODES = 10;

// A long random password, so no password rule (length, common words) turns it down.
export function newPassword() {
  return randomBytes(18).toString('base64url');
}

// A user for `safeboard user add`, with a password of their own.
export function person(role, { scope } = {}) {
  return {
    email: `${role.replaceAll('_', '-')}@e2e.example`,
    name: `E2E ${role.replaceAll('_', ' ')}`,
    role,
    scope,
    password: newPassword(),
  };
}

// Fills in and sends the sign-in form; returns the HTTP status of the page
// the browser lands on.
export async function signIn(page, { email, password }, { onSignInPage } = {}) {
  const status = await visit(page, '/sign-in');
  expect(status === 200, `GET /sign-in answered ${status}`);
  if (onSignInPage) await onSignInPage(page);
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  return notRefused(page, 'the sign-in form', await submit(page, button(page, 'Sign in')));
}

// A right or wrong answer is for the page to say; 403 means the form itself
// was turned away (its token or origin), which no scenario here intends.
async function notRefused(page, what, status) {
  expect(status !== 403, `${what} was refused with 403: "${await heading(page)}"`);
  return status;
}

async function sendCode(page, code) {
  await page.locator('input[name="code"]').fill(code);
  return notRefused(page, 'the code form', await submit(page, button(page, /^(Continue|Turn on)/)));
}

// An image named as a QR code (an <img> with alt text, or an <svg
// role="img"> with a label) that the browser has drawn: a policy that
// refused it would leave a blank space with a name.
async function expectQrCode(page) {
  const qr = page.getByRole('img', { name: /QR code/i });
  expect(await qr.count() === 1, 'the MFA set-up page has no image named "QR code"');
  const drawn = await qr.evaluate((element) =>
    element instanceof HTMLImageElement ? element.complete && element.naturalWidth > 0 : element.getBBox().width > 0);
  expect(drawn, 'the QR code on the MFA set-up page did not load');
}

// On the enrolment page: reads the secret as a person would type it into an
// authenticator app, answers with the current code, and checks the recovery
// codes page. Returns the secret, the step whose code was used, and the
// recovery codes.
export async function enrolInMfa(page, { onEnrolmentPage, onRecoveryCodesPage } = {}) {
  expect(pathOf(page) === '/account/mfa', `expected the MFA set-up page /account/mfa, got ${pathOf(page)}`);
  await expectQrCode(page);
  const secret = (await page.locator('#totp-secret').innerText()).replace(/\s+/g, '');
  expect(/^[A-Z2-7]+=*$/i.test(secret), `#totp-secret is not a base32 secret: ${JSON.stringify(secret)}`);
  if (onEnrolmentPage) await onEnrolmentPage(page);

  const step = stepAt();
  const status = await sendCode(page, totp(secret, { step }));
  expect(status === 200, `sending the first code answered ${status}`);
  const codes = page.locator('#recovery-codes li');
  expect(await codes.count() === RECOVERY_CODES,
    `expected ${RECOVERY_CODES} recovery codes in #recovery-codes, found ${await codes.count()}`);
  const recoveryCodes = (await codes.allInnerTexts()).map((code) => code.trim());
  if (onRecoveryCodesPage) await onRecoveryCodesPage(page);

  const next = page.getByRole('link', { name: 'Continue' }).or(button(page, 'Continue'));
  await submit(page, next.first());
  expect(pathOf(page) === '/account', `Continue after the recovery codes went to ${pathOf(page)}, not /account`);
  return { secret, step, recoveryCodes };
}

// On the challenge page after the password: answers with the code for
// `step`, or with `code` as it is (a recovery code).
export async function answerChallenge(page, { secret, step, code }, { onChallengePage } = {}) {
  expect(pathOf(page) === '/sign-in/mfa', `expected the code page /sign-in/mfa, got ${pathOf(page)}`);
  if (onChallengePage) await onChallengePage(page);
  return sendCode(page, code ?? totp(secret, { step }));
}

// The account page, reached and recognised.
export async function expectSignedIn(page) {
  const status = await visit(page, '/account');
  expect(pathOf(page) === '/account', `GET /account went to ${pathOf(page)}: not signed in`);
  expect(status === 200, `GET /account answered ${status}`);
  expect(await heading(page) === 'Your account', `the account page's h1 is "${await heading(page)}"`);
}

// Where /account sends someone who is not signed in.
export async function expectSignedOut(page) {
  await visit(page, '/account');
  expect(pathOf(page) === '/sign-in', `GET /account went to ${pathOf(page)}, not /sign-in: still signed in?`);
}

// The header and the page may both offer it; either does the same.
export async function signOut(page) {
  return submit(page, button(page, 'Sign out').first());
}
