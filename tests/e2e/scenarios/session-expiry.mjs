// A session left idle longer than the idle timeout ends: the next page asks
// the person to sign in again.
import { setTimeout as sleep } from 'node:timers/promises';

import { expectSignedIn, expectSignedOut, person, signIn } from '../lib/account.mjs';
import { expectAccessible } from '../lib/axe.mjs';
import { expect } from '../lib/pages.mjs';

const IDLE_SECONDS = 3;
// Longer than the timeout by more than a second, so a server that counts in
// whole seconds has also seen it pass.
const WAIT_MS = (IDLE_SECONDS + 1.5) * 1000;

const member = person('member');
export const users = [member];
export const settings = {
  auth: { session_idle_timeout_seconds: IDLE_SECONDS, session_absolute_timeout_seconds: 3600 },
};

export default async function (run) {
  const page = await run.newPage();
  await signIn(page, member);
  await expectSignedIn(page);

  await sleep(WAIT_MS);
  await expectSignedOut(page);
  const notice = page.locator('.govuk-notification-banner, .govuk-inset-text');
  if (await notice.count()) {
    const text = (await notice.first().innerText()).trim();
    expect(text !== '', 'the sign-in page shows an empty notice after the session ended');
  }
  await expectAccessible(page, 'the sign-in page after the session ended');
}
