// However active the person is, a session ends once it is older than the
// absolute timeout: using the service does not keep it alive for ever.
import { setTimeout as sleep } from 'node:timers/promises';

import { expectSignedIn, expectSignedOut, person, signIn } from '../lib/account.mjs';

// The server wants the absolute limit no shorter than the idle one; equal,
// with a page every 1.5 s, only the absolute limit can end the session.
const LIMIT_MS = 6000;
const EVERY_MS = 1500;
// Room either side of the limit for a server counting whole seconds.
const MARGIN_MS = 1500;

const member = person('member');
export const users = [member];
export const settings = {
  auth: { session_idle_timeout_seconds: LIMIT_MS / 1000, session_absolute_timeout_seconds: LIMIT_MS / 1000 },
};

export default async function (run) {
  const page = await run.newPage();
  // The session is created between these two instants, so its age is at
  // most now - before and at least now - after.
  const before = Date.now();
  await signIn(page, member);
  const after = Date.now();

  while (Date.now() - before < LIMIT_MS - MARGIN_MS) {
    await expectSignedIn(page);
    await sleep(EVERY_MS);
  }
  const wait = after + LIMIT_MS + MARGIN_MS - Date.now();
  if (wait > 0) await sleep(wait);
  await expectSignedOut(page);
}
