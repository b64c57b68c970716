// The two hashes of the sign-in. A keyed hash (HMAC-SHA-256 with the server secret) for what could
// be guessed from its hash alone (a 6-digit code, an address); a plain SHA-256 for a session id,
// which is 32 random bytes and cannot be guessed. Compared in constant time.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/** `purpose` keeps the hashes of different things apart, even of equal values. */
export function keyedHash(secret: Buffer, purpose: string, value: string): string {
  return createHmac('sha256', secret).update(purpose).update('\n').update(value).digest('hex');
}

export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

/** Two hex digests compared in constant time (digests of one kind have equal lengths). */
export function sameDigest(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && timingSafeEqual(left, right);
}
