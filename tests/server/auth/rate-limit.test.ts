import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, buildApp } from '../../../server/src/app.ts';
import { REPO_ROOT } from '../../../server/src/config.ts';
import { signUpWithCookie, TEST_ORIGIN, TEST_PASSWORD } from '../../helpers/auth.ts';
import { useTestDatabase } from '../../helpers/test-database.ts';

const AUTH_LIMIT = 3;

describe('rate limits on sign-in and password resets', () => {
  const databaseUrl = useTestDatabase();
  let app: App;

  beforeAll(async () => {
    app = await buildApp({
      databaseUrl: databaseUrl(),
      logLevel: 'silent',
      corsOrigins: [],
      rateLimitPerMinute: 1_000,
      authRateLimitPerMinute: AUTH_LIMIT,
      webDistDir: path.join(REPO_ROOT, 'web', 'dist-absent-in-api-tests'),
    });
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
  });

  const signIn = (password: string, ip = '203.0.113.7') =>
    app.inject({
      method: 'POST',
      url: '/api/auth/sign-in/email',
      headers: { origin: TEST_ORIGIN },
      remoteAddress: ip,
      payload: { email: 'target@example.test', password },
    });

  it('answers 429 after a few sign-in attempts from one address, even with the right password', async () => {
    const user = await signUpWithCookie(app, { email: 'target@example.test' });
    for (let attempt = 1; attempt <= AUTH_LIMIT; attempt++) {
      expect((await signIn(`guess ${attempt}`)).statusCode).toBe(401);
    }
    const limited = await signIn(TEST_PASSWORD);
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe('rate_limited');
    expect(limited.headers['retry-after']).toBeDefined();

    // Another address is not held back, and the rest of the API is not affected.
    expect((await signIn(TEST_PASSWORD, '198.51.100.9')).statusCode).toBe(200);
    const me = await app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: user.cookie } });
    expect(me.statusCode).toBe(200);
  });

  it('cannot be dodged through another spelling of the path', async () => {
    for (const url of ['/api/auth/sign-in/email/', '/api/auth/Sign-In/email', '/api/auth//sign-in/email']) {
      const response = await app.inject({
        method: 'POST',
        url,
        headers: { origin: TEST_ORIGIN },
        remoteAddress: '192.0.2.50',
        payload: { email: 'target@example.test', password: TEST_PASSWORD },
      });
      expect(response.statusCode, url).toBe(404);
      expect(response.headers['set-cookie'], url).toBeUndefined();
    }
  });

  it('limits password-reset requests the same way', async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt <= AUTH_LIMIT; attempt++) {
      const response = await app.inject({
        method: 'POST',
        url: '/api/auth/request-password-reset',
        headers: { origin: TEST_ORIGIN },
        remoteAddress: '203.0.113.99',
        payload: { email: `someone-${attempt}@example.test` },
      });
      statuses.push(response.statusCode);
    }
    expect(statuses).toEqual([...Array(AUTH_LIMIT).fill(200), 429]);
  });
});
