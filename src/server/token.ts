import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A fresh presenter token: 256 random bits, URL-safe. Printed once, never stored. */
export function createToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * Constant-time comparison. Both sides are hashed first, so the comparison's length, and so its time, never
 * depends on the guess (timingSafeEqual itself needs equal lengths).
 */
export function tokenMatches(expected: string, given: unknown): boolean {
  if (typeof given !== 'string') return false;
  const a = createHash('sha256').update(expected, 'utf8').digest();
  const b = createHash('sha256').update(given, 'utf8').digest();
  return timingSafeEqual(a, b) && given.length === expected.length;
}
