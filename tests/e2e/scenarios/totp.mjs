// The code generator the MFA scenarios rely on agrees with RFC 6238's test
// vectors, so a refused code is the server's doing, not the test's.
import { selfCheck } from '../lib/totp.mjs';

export const withoutServer = true;

export default async function () {
  selfCheck();
}
