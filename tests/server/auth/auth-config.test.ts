import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { loadConfig } from '../../../server/src/config.ts';
import { AUTH_SECRET_FILE, resolveAuthSecret } from '../../../server/src/lib/auth-secret.ts';

describe('auth configuration', () => {
  it('defaults PUBLIC_URL to localhost on PORT, mail to the log, and a strict sign-in limit', () => {
    const config = loadConfig({ PORT: '4000' });
    expect(config).toMatchObject({
      publicUrl: 'http://localhost:4000',
      authSecret: undefined,
      smtpUrl: undefined,
      mailFrom: 'Tiltmeter <no-reply@localhost>',
      authRateLimitPerMinute: 10,
      trustProxy: false,
    });
  });

  it('reads the auth settings and lists their problems', () => {
    const config = loadConfig({
      PUBLIC_URL: 'https://time.example.com/',
      AUTH_SECRET: 'x'.repeat(40),
      SMTP_URL: 'smtps://user:pass@smtp.example.com:465',
      MAIL_FROM: 'Tiltmeter <tm@example.com>',
      AUTH_RATE_LIMIT_PER_MINUTE: '5',
      TRUST_PROXY: '1',
    });
    expect(config).toMatchObject({
      publicUrl: 'https://time.example.com',
      authSecret: 'x'.repeat(40),
      smtpUrl: 'smtps://user:pass@smtp.example.com:465',
      mailFrom: 'Tiltmeter <tm@example.com>',
      authRateLimitPerMinute: 5,
      trustProxy: 1,
    });
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, 127.0.0.1' }).trustProxy).toEqual([
      '10.0.0.0/8',
      '127.0.0.1',
    ]);
    let message = '';
    try {
      loadConfig({ AUTH_SECRET: 'short', SMTP_URL: 'http://mail', PUBLIC_URL: 'ftp://x' });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/AUTH_SECRET: must be at least 32 characters/);
    expect(message).toMatch(/SMTP_URL: must be an smtp/);
    expect(message).toMatch(/PUBLIC_URL: must be an http/);
  });

  it('generates a secret once, keeps it private in the data folder, and prefers AUTH_SECRET', () => {
    const parent = mkdtempSync(path.join(tmpdir(), 'tiltmeter-secret-'));
    onTestFinished(() => rmSync(parent, { recursive: true, force: true }));
    const dataDir = path.join(parent, 'nested');
    const first = resolveAuthSecret(undefined, dataDir);
    expect(first.length).toBeGreaterThanOrEqual(32);
    const file = path.join(dataDir, AUTH_SECRET_FILE);
    expect(readFileSync(file, 'utf8').trim()).toBe(first);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(resolveAuthSecret(undefined, dataDir)).toBe(first);
    expect(resolveAuthSecret('y'.repeat(32), dataDir)).toBe('y'.repeat(32));
  });
});
