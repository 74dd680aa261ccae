import { createHash, randomBytes } from 'node:crypto';

/**
 * Personal API tokens look like `tm_<12 chars>_<32 chars>`. Only the SHA-256 of the whole token is
 * stored; the readable prefix (`tm_<12 chars>`) identifies it in lists. A fast hash is right here (not
 * scrypt): the secret is 192 random bits, so there is nothing to brute-force, and every API call checks it.
 */
export function generateApiToken(): { token: string; prefix: string; hash: string } {
  const prefix = `tm_${randomBytes(9).toString('base64url')}`;
  const token = `${prefix}_${randomBytes(24).toString('base64url')}`;
  return { token, prefix, hash: hashApiToken(token) };
}

export function hashApiToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function looksLikeApiToken(value: string): boolean {
  return /^tm_[A-Za-z0-9_-]{12}_[A-Za-z0-9_-]{32}$/.test(value);
}
