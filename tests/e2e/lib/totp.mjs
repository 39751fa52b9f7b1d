// Time-based one-time passwords (RFC 6238) as an authenticator app makes
// them: HMAC-SHA-1 over the 30-second step number, six digits.
import { createHmac } from 'node:crypto';

export const STEP_SECONDS = 30;
const DIGITS = 6;
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

// The secret as a person would copy it: any case, maybe grouped with spaces
// or hyphens, maybe with '=' padding.
export function decodeBase32(text) {
  const clean = text.replace(/[\s-]/g, '').replace(/=+$/, '').toUpperCase();
  let bits = 0;
  let value = 0;
  const bytes = [];
  for (const char of clean) {
    const index = BASE32.indexOf(char);
    if (index < 0) throw new Error(`not a base32 secret: ${JSON.stringify(text)}`);
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((value >>> bits) & 0xff);
    }
  }
  return Buffer.from(bytes);
}

export function stepAt(milliseconds = Date.now()) {
  return Math.floor(milliseconds / 1000 / STEP_SECONDS);
}

// The code for one step (RFC 4226 HOTP with the step as the counter).
export function codeForStep(key, step) {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const mac = createHmac('sha1', key).update(counter).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  const number = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(number % 10 ** DIGITS).padStart(DIGITS, '0');
}

export function totp(secret, { step = stepAt() } = {}) {
  return codeForStep(decodeBase32(secret), step);
}

// RFC 6238 appendix B, SHA-1 column, cut to six digits; the key is the
// ASCII "12345678901234567890", written here in base32.
const RFC_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const RFC_VECTORS = [
  [59, '287082'],
  [1111111109, '081804'],
  [1111111111, '050471'],
  [1234567890, '005924'],
  [2000000000, '279037'],
  [20000000000, '353130'],
];

// Throws unless this module agrees with the RFC's vectors.
export function selfCheck() {
  if (decodeBase32(RFC_SECRET).toString('ascii') !== '12345678901234567890') {
    throw new Error('base32 decoding does not give the RFC 6238 key');
  }
  for (const [seconds, expected] of RFC_VECTORS) {
    const actual = totp(RFC_SECRET, { step: stepAt(seconds * 1000) });
    if (actual !== expected) {
      throw new Error(`TOTP at T=${seconds}s is ${actual}, RFC 6238 says ${expected}`);
    }
  }
  const grouped = 'gezd gnbv gy3t qojq gezd gnbv gy3t qojq';
  if (totp(grouped, { step: stepAt(59_000) }) !== '287082') {
    throw new Error('a secret grouped with spaces in lower case gives a different code');
  }
}
