import path from 'node:path';
import { DEFAULT_WORKING_HOURS, MeSchema } from '@tiltmeter/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, buildApp } from '../../../server/src/app.ts';
import { REPO_ROOT } from '../../../server/src/config.ts';
import { cookieFrom, signUpWithCookie, TEST_ORIGIN, TEST_PASSWORD } from '../../helpers/auth.ts';
import { useTestApp } from '../../helpers/test-app.ts';
import { useTestDatabase } from '../../helpers/test-database.ts';

describe('sign-up, sign-in, sign-out', () => {
  const { app } = useTestApp();

  it('sign-up makes the user, an organization with them as admin, default settings, and a session cookie', async () => {
    const response = await app().inject({
      method: 'POST',
      url: '/api/auth/sign-up/email',
      headers: { origin: TEST_ORIGIN },
      payload: {
        name: 'Ada Lovelace',
        email: 'Ada@Example.test',
        password: TEST_PASSWORD,
        timeZone: 'Europe/Berlin',
        organizationName: 'Analytical Engines',
      },
    });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toEqual({
      user: { id: expect.any(String), name: 'Ada Lovelace', email: 'ada@example.test', emailVerified: false },
    });
    // The session token stays in the httpOnly cookie; the body does not carry it.
    expect(response.body).not.toContain('token');

    const setCookie = String(response.headers['set-cookie']);
    expect(setCookie).toMatch(/tiltmeter\.session_token=/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    // Plain http here (PUBLIC_URL is http://localhost:3000): no Secure flag; https turns it on.
    expect(setCookie).not.toMatch(/Secure/);

    const me = await app().inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { cookie: cookieFrom(response) },
    });
    expect(me.statusCode).toBe(200);
    const parsed = MeSchema.parse(me.json());
    expect(parsed.user.email).toBe('ada@example.test');
    expect(parsed.organization?.name).toBe('Analytical Engines');
    expect(parsed.organization?.minGroupSize).toBe(5);
    expect(parsed.role).toBe('admin');
    expect(parsed.authenticatedWith).toBe('session');
    expect(parsed.settings).toEqual({
      displayName: null,
      timeZone: 'Europe/Berlin',
      workingHours: DEFAULT_WORKING_HOURS,
      roleProfile: 'hybrid',
      calendarEmails: [],
      shareWithTeamLeads: false,
      shareChangedAt: null,
    });

    const rules = await app().db.rule.count({ where: { organizationId: parsed.organization?.id } });
    expect(rules).toBeGreaterThan(0);
  });

  it('stores the password only as a hash', async () => {
    const user = await signUpWithCookie(app());
    const account = await app().db.account.findFirstOrThrow({ where: { userId: user.userId } });
    expect(account.providerId).toBe('credential');
    expect(account.password).toBeTruthy();
    expect(account.password).not.toContain(TEST_PASSWORD);
  });

  it('defaults to UTC and "<name>\'s organization"', async () => {
    const user = await signUpWithCookie(app(), { name: 'Grace' });
    const me = MeSchema.parse(
      (await app().inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: user.cookie } })).json(),
    );
    expect(me.organization?.name).toBe("Grace's organization");
    expect(me.settings?.timeZone).toBe('UTC');
  });

  it('refuses an unknown time zone and a short password before creating anything', async () => {
    const badZone = await app().inject({
      method: 'POST',
      url: '/api/auth/sign-up/email',
      headers: { origin: TEST_ORIGIN },
      payload: { name: 'X', email: 'x@example.test', password: TEST_PASSWORD, timeZone: 'Mars/Olympus' },
    });
    expect(badZone.statusCode).toBe(400);
    expect(badZone.json().error.code).toBe('validation_failed');
    const shortPassword = await app().inject({
      method: 'POST',
      url: '/api/auth/sign-up/email',
      headers: { origin: TEST_ORIGIN },
      payload: { name: 'X', email: 'x@example.test', password: 'short' },
    });
    expect(shortPassword.statusCode).toBe(400);
    expect(await app().db.user.count()).toBe(0);
    expect(await app().db.organization.count()).toBe(0);
  });

  it('answers 409 in the API envelope for an email that already has an account', async () => {
    await signUpWithCookie(app(), { email: 'taken@example.test' });
    const again = await app().inject({
      method: 'POST',
      url: '/api/auth/sign-up/email',
      headers: { origin: TEST_ORIGIN },
      payload: { name: 'Again', email: 'taken@example.test', password: TEST_PASSWORD },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toEqual({ error: { code: 'conflict', message: expect.any(String) } });
    expect(await app().db.organization.count()).toBe(1);
  });

  it('signs in with the right password, and answers wrong password and unknown email identically', async () => {
    await signUpWithCookie(app(), { email: 'lin@example.test' });
    const ok = await app().inject({
      method: 'POST',
      url: '/api/auth/sign-in/email',
      headers: { origin: TEST_ORIGIN },
      payload: { email: 'LIN@example.test', password: TEST_PASSWORD },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().user.email).toBe('lin@example.test');
    const cookie = cookieFrom(ok);
    expect(cookie).toMatch(/tiltmeter\.session_token=/);
    expect((await app().inject({ method: 'GET', url: '/api/v1/me', headers: { cookie } })).statusCode).toBe(
      200,
    );

    const wrongPassword = await app().inject({
      method: 'POST',
      url: '/api/auth/sign-in/email',
      headers: { origin: TEST_ORIGIN },
      payload: { email: 'lin@example.test', password: 'not the password' },
    });
    const unknownEmail = await app().inject({
      method: 'POST',
      url: '/api/auth/sign-in/email',
      headers: { origin: TEST_ORIGIN },
      payload: { email: 'nobody@example.test', password: 'not the password' },
    });
    expect(wrongPassword.statusCode).toBe(401);
    expect(unknownEmail.statusCode).toBe(401);
    expect(wrongPassword.body).toBe(unknownEmail.body);
    expect(wrongPassword.json()).toEqual({
      error: { code: 'unauthorized', message: 'Invalid email or password' },
    });
    expect(wrongPassword.headers['set-cookie']).toBeUndefined();
  });

  it('sign-out ends the session: the cookie no longer works', async () => {
    const user = await signUpWithCookie(app());
    const out = await app().inject({ method: 'POST', url: '/api/auth/sign-out', headers: user.headers });
    expect(out.statusCode).toBe(200);
    expect(out.json()).toEqual({ success: true });
    expect(await app().db.session.count({ where: { userId: user.userId } })).toBe(0);
    const me = await app().inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: user.cookie } });
    expect(me.statusCode).toBe(401);
    expect(me.json().error.code).toBe('unauthorized');
  });

  it('get-session returns the user while signed in and null after', async () => {
    const user = await signUpWithCookie(app(), { email: 'sess@example.test' });
    const session = await app().inject({
      method: 'GET',
      url: '/api/auth/get-session',
      headers: { cookie: user.cookie },
    });
    expect(session.statusCode).toBe(200);
    expect(session.json()).toMatchObject({
      user: { email: 'sess@example.test' },
      session: { expiresAt: expect.any(String) },
    });
    const anonymous = await app().inject({ method: 'GET', url: '/api/auth/get-session' });
    expect(anonymous.statusCode).toBe(200);
    expect(anonymous.json()).toBeNull();
  });

  it('answers 401 on /api/v1 without credentials, and for a forged cookie', async () => {
    const none = await app().inject({ method: 'GET', url: '/api/v1/me' });
    expect(none.statusCode).toBe(401);
    const forged = await app().inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { cookie: 'tiltmeter.session_token=forged.value' },
    });
    expect(forged.statusCode).toBe(401);
  });
});

describe('behind TLS (PUBLIC_URL is https)', () => {
  const databaseUrl = useTestDatabase();
  let app: App;
  beforeAll(async () => {
    app = await buildApp({
      databaseUrl: databaseUrl(),
      logLevel: 'silent',
      corsOrigins: [],
      rateLimitPerMinute: 1_000_000,
      authRateLimitPerMinute: 1_000_000,
      publicUrl: 'https://tiltmeter.example.com',
      // The proxy in front terminates TLS and says so.
      trustProxy: true,
      webDistDir: path.join(REPO_ROOT, 'web', 'dist-absent-in-api-tests'),
    });
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('marks the session cookie Secure (with the __Secure- prefix) and still reads it back', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-up/email',
      headers: { origin: 'https://tiltmeter.example.com', 'x-forwarded-proto': 'https' },
      payload: { name: 'Tls', email: 'tls@example.test', password: TEST_PASSWORD },
    });
    expect(response.statusCode).toBe(200);
    const setCookie = String(response.headers['set-cookie']);
    expect(setCookie).toMatch(/__Secure-tiltmeter\.session_token=/);
    expect(setCookie).toMatch(/; Secure/);
    expect(setCookie).toMatch(/HttpOnly/i);
    const me = await app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { cookie: cookieFrom(response) },
    });
    expect(me.statusCode).toBe(200);
  });
});
