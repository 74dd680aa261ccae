import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type App, buildApp } from '../../../server/src/app.ts';
import { REPO_ROOT } from '../../../server/src/config.ts';
import {
  cookieFrom,
  signInWithCookie,
  signUpWithCookie,
  TEST_ORIGIN,
  TEST_PASSWORD,
} from '../../helpers/auth.ts';
import { useTestDatabase } from '../../helpers/test-database.ts';

/** An app whose log lines the test can read: with no SMTP_URL, emails (and their links) go to the log. */
function useAppWithLog() {
  const databaseUrl = useTestDatabase();
  const lines: string[] = [];
  let app: App | undefined;
  beforeAll(async () => {
    app = await buildApp({
      databaseUrl: databaseUrl(),
      logLevel: 'info',
      corsOrigins: [],
      rateLimitPerMinute: 1_000_000,
      authRateLimitPerMinute: 1_000_000,
      webDistDir: path.join(REPO_ROOT, 'web', 'dist-absent-in-api-tests'),
      fastify: { logger: { level: 'info', stream: { write: (line: string) => lines.push(line) } } },
    });
    await app.ready();
  });
  beforeEach(() => {
    lines.length = 0;
  });
  afterAll(async () => {
    await app?.close();
  });
  return {
    app: () => app as App,
    /** Log lines about emails that were not sent (no SMTP configured). */
    mails: () =>
      lines
        .map(
          (line) =>
            JSON.parse(line) as { msg: string; mail?: { to: string; subject: string; link?: string } },
        )
        .filter((entry) => entry.mail?.link),
  };
}

async function requestReset(app: App, email: string) {
  return app.inject({
    method: 'POST',
    url: '/api/auth/request-password-reset',
    headers: { origin: TEST_ORIGIN },
    payload: { email },
  });
}

describe('password reset by email (no SMTP: the link is written to the log)', () => {
  const { app, mails } = useAppWithLog();

  it('logs a reset link whose token works once, signs out every session, and changes the password', async () => {
    const user = await signUpWithCookie(app(), { email: 'reset@example.test' });

    const requested = await requestReset(app(), 'Reset@Example.test');
    expect(requested.statusCode).toBe(200);
    expect(requested.json()).toEqual({ status: true });

    // The mail is sent in the background; give it a tick.
    await new Promise((resolve) => setTimeout(resolve, 20));
    const [mail] = mails();
    expect(mail?.mail?.to).toBe('reset@example.test');
    expect(mail?.msg).toMatch(/Email not sent \(SMTP_URL is not set\)/);
    const link = new URL(mail?.mail?.link ?? '');
    expect(`${link.origin}${link.pathname}`).toBe('http://localhost:3000/reset-password');
    const token = link.searchParams.get('token') ?? '';
    expect(token.length).toBeGreaterThan(10);

    const reset = await app().inject({
      method: 'POST',
      url: '/api/auth/reset-password',
      headers: { origin: TEST_ORIGIN },
      payload: { token, newPassword: 'a brand new password' },
    });
    expect(reset.statusCode).toBe(200);
    expect(reset.json()).toEqual({ status: true });

    // Whoever held the old session is signed out.
    const oldSession = await app().inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { cookie: user.cookie },
    });
    expect(oldSession.statusCode).toBe(401);
    await expect(signInWithCookie(app(), 'reset@example.test', TEST_PASSWORD)).rejects.toThrow(/401/);
    expect(await signInWithCookie(app(), 'reset@example.test', 'a brand new password')).toMatch(
      /session_token/,
    );

    const again = await app().inject({
      method: 'POST',
      url: '/api/auth/reset-password',
      headers: { origin: TEST_ORIGIN },
      payload: { token, newPassword: 'yet another password' },
    });
    expect(again.statusCode).toBe(400);
    expect(again.json()).toEqual({
      error: { code: 'bad_request', message: expect.stringMatching(/token/i) },
    });
    expect(await signInWithCookie(app(), 'reset@example.test', 'a brand new password')).toMatch(
      /session_token/,
    );
  });

  it('answers an unknown email exactly like a known one, and sends nothing', async () => {
    await signUpWithCookie(app(), { email: 'known@example.test' });
    const known = await requestReset(app(), 'known@example.test');
    const unknown = await requestReset(app(), 'unknown@example.test');
    expect(unknown.statusCode).toBe(known.statusCode);
    expect(unknown.body).toBe(known.body);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(mails().map((entry) => entry.mail?.to)).toEqual(['known@example.test']);
  });

  it('refuses a made-up token', async () => {
    const response = await app().inject({
      method: 'POST',
      url: '/api/auth/reset-password',
      headers: { origin: TEST_ORIGIN },
      payload: { token: 'made-up-token', newPassword: 'a brand new password' },
    });
    expect(response.statusCode).toBe(400);
  });
});

describe('change password', () => {
  const { app } = useAppWithLog();

  it('needs the current password, then the new one works and other sessions can be signed out', async () => {
    const user = await signUpWithCookie(app(), { email: 'change@example.test' });
    const otherDevice = await signInWithCookie(app(), 'change@example.test');

    const wrong = await app().inject({
      method: 'POST',
      url: '/api/auth/change-password',
      headers: user.headers,
      payload: { currentPassword: 'not it', newPassword: 'the next password' },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.code).toBe('bad_request');

    const changed = await app().inject({
      method: 'POST',
      url: '/api/auth/change-password',
      headers: user.headers,
      payload: {
        currentPassword: TEST_PASSWORD,
        newPassword: 'the next password',
        revokeOtherSessions: true,
      },
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toEqual({ user: expect.objectContaining({ email: 'change@example.test' }) });

    // The other device is signed out; this browser got a fresh session cookie.
    const other = await app().inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: otherDevice } });
    expect(other.statusCode).toBe(401);
    const fresh = cookieFrom(changed);
    expect(
      (await app().inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: fresh } })).statusCode,
    ).toBe(200);

    await expect(signInWithCookie(app(), 'change@example.test', TEST_PASSWORD)).rejects.toThrow(/401/);
    expect(await signInWithCookie(app(), 'change@example.test', 'the next password')).toMatch(
      /session_token/,
    );
  });

  it('is refused without the session cookie', async () => {
    const response = await app().inject({
      method: 'POST',
      url: '/api/auth/change-password',
      headers: { origin: TEST_ORIGIN },
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'the next password' },
    });
    expect(response.statusCode).toBe(401);
  });
});
