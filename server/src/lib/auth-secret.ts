import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const AUTH_SECRET_FILE = 'auth-secret';

/**
 * The secret that signs session cookies: AUTH_SECRET when set, otherwise one generated on the first
 * start and kept in the data folder (mode 0600), so `npm start` on a fresh clone works and sessions
 * survive restarts. Production deployments whose data folder is not persistent (containers with an
 * external database) should set AUTH_SECRET.
 */
export function resolveAuthSecret(
  configured: string | undefined,
  dataDir: string,
  log: (message: string) => void = () => {},
): string {
  if (configured) return configured;
  const file = path.join(dataDir, AUTH_SECRET_FILE);
  try {
    const stored = readFileSync(file, 'utf8').trim();
    if (stored.length >= 32) return stored;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const secret = randomBytes(48).toString('base64url');
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  log(`Generated a session secret in ${file} (set AUTH_SECRET to choose your own)`);
  return secret;
}
