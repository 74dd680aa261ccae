import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../../server/src/app.ts';
import {
  cookieFrom,
  createMemberWithToken,
  setPassword,
  signUpWithCookie,
  TEST_ORIGIN,
  TEST_PASSWORD,
} from '../../helpers/auth.ts';
import { useTestApp } from '../../helpers/test-app.ts';
import { useTestDatabase } from '../../helpers/test-database.ts';
import { buildLoggedApp, bulkBody, csvBody, icsBody, WINDOW } from './support.ts';

/**
 * Security checks that tests/server/auth/* does not already make (those cover: the sign-in and
 * reset limits for one account and path spellings (rate-limit.test.ts), CSRF on JSON writes and on
 * /api/auth (csrf.test.ts), cookie flags at sign-up and behind TLS (sessions.test.ts), the headers of
 * /api/health (error-handling.test.ts), revocation and removal ending a token (tokens.test.ts,
 * members.test.ts)). Here: the limits against many accounts and on the API itself, CSRF through the
 * request kinds a browser sends cross-site without asking (form posts, plain text, file uploads), the
 * headers on every kind of answer, the cookie at sign-in and sign-out, and revocation and demotion
 * taking effect between one request and the next, even mid-burst.
 */

describe('rate limits beyond one account', () => {
  const databaseUrl = useTestDatabase();
  let app: App;

  beforeAll(async () => {
    ({ app } = await buildLoggedApp(databaseUrl(), { rateLimitPerMinute: 20, authRateLimitPerMinute: 3 }));
  });
  afterAll(async () => {
    await app?.close();
  });

  it('limits sign-in attempts per address across many accounts (credential stuffing)', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const response = await app.inject({
        method: 'POST',
        url: '/api/auth/sign-in/email',
        headers: { origin: TEST_ORIGIN },
        remoteAddress: '203.0.113.40',
        payload: { email: `victim-${i}@example.test`, password: 'hunter2hunter2' },
      });
      statuses.push(response.statusCode);
    }
    expect(statuses.slice(0, 3)).toEqual([401, 401, 401]);
    expect(statuses.slice(3)).toEqual([429, 429, 429]);
  });

  it('limits the API per client with 429 in the error envelope, and leaves health alone', async () => {
    const member = await createMemberWithToken(app);
    const statuses: number[] = [];
    let limited: { headers: Record<string, unknown>; body: string } | undefined;
    for (let i = 0; i < 25; i++) {
      const response = await app.inject({
        method: 'GET',
        url: '/api/v1/me',
        headers: member.headers,
        remoteAddress: '198.51.100.77',
      });
      statuses.push(response.statusCode);
      if (response.statusCode === 429) limited ??= { headers: response.headers, body: response.body };
    }
    expect(statuses.filter((status) => status === 200).length).toBeLessThanOrEqual(20);
    expect(statuses.at(-1)).toBe(429);
    expect(JSON.parse(limited?.body ?? '{}').error.code).toBe('rate_limited');
    expect(limited?.headers['retry-after']).toBeDefined();
    const health = await app.inject({ method: 'GET', url: '/api/health', remoteAddress: '198.51.100.77' });
    expect(health.statusCode).toBe(200);
  });
});

describe('CSRF through requests a browser sends cross-site without a preflight', () => {
  const { app } = useTestApp();

  it('refuses cookie uploads as plain text, forms and files from another site, and writes nothing', async () => {
    const user = await signUpWithCookie(app());
    const attempts: {
      url: string;
      contentType: string;
      payload: string;
      origin?: string;
      referer?: string;
    }[] = [
      {
        url: `/api/v1/imports/ics?${WINDOW}`,
        contentType: 'text/calendar',
        payload: icsBody('csrf', 3),
        origin: 'https://evil.example',
      },
      {
        url: `/api/v1/imports/ics?${WINDOW}`,
        contentType: 'text/plain',
        payload: icsBody('csrf', 3),
        origin: 'null',
      },
      {
        url: '/api/v1/imports/csv',
        contentType: 'text/plain',
        payload: csvBody(3),
        referer: 'https://evil.example/page',
      },
      { url: '/api/v1/imports/csv', contentType: 'text/csv', payload: csvBody(3) },
      {
        url: `/api/v1/imports/ics?${WINDOW}`,
        contentType: 'multipart/form-data; boundary=xyz',
        payload: `--xyz\r\nContent-Disposition: form-data; name="file"; filename="a.ics"\r\nContent-Type: text/calendar\r\n\r\n${icsBody('csrf', 3)}\r\n--xyz--\r\n`,
        origin: 'https://evil.example',
      },
      {
        url: '/api/v1/entries/bulk',
        contentType: 'text/plain',
        payload: bulkBody('csrf', 3),
        origin: 'https://evil.example',
      },
      {
        url: '/api/v1/tokens',
        contentType: 'application/x-www-form-urlencoded',
        payload: 'name=stolen',
        origin: 'https://evil.example',
      },
    ];
    for (const attempt of attempts) {
      const headers: Record<string, string> = { cookie: user.cookie, 'content-type': attempt.contentType };
      if (attempt.origin) headers.origin = attempt.origin;
      if (attempt.referer) headers.referer = attempt.referer;
      const response = await app().inject({
        method: 'POST',
        url: attempt.url,
        headers,
        payload: attempt.payload,
      });
      expect(response.statusCode, `${attempt.url} as ${attempt.contentType}`).toBe(403);
      expect(response.json().error.code).toBe('forbidden');
    }
    expect(await app().db.entry.count()).toBe(0);
    expect(await app().db.importBatch.count()).toBe(0);
    expect(await app().db.apiToken.count()).toBe(0);

    // The same upload from the app's own page goes through: the refusals above were about the origin.
    const own = await app().inject({
      method: 'POST',
      url: `/api/v1/imports/ics?${WINDOW}`,
      headers: { cookie: user.cookie, 'content-type': 'text/calendar', origin: TEST_ORIGIN },
      payload: icsBody('csrf', 3),
    });
    expect(own.statusCode).toBe(200);
  });
});

describe('security headers and cookies on every kind of answer', () => {
  const { app } = useTestApp();

  it('sends the same security headers on success, errors, auth routes and 404s, and no CORS grant', async () => {
    const member = await createMemberWithToken(app());
    const responses = {
      ok: await app().inject({ method: 'GET', url: '/api/v1/me', headers: member.headers }),
      unauthorized: await app().inject({ method: 'GET', url: '/api/v1/me' }),
      invalid: await app().inject({
        method: 'GET',
        url: '/api/v1/me/weeks?from=nonsense',
        headers: member.headers,
      }),
      missing: await app().inject({ method: 'GET', url: '/api/v1/nothing', headers: member.headers }),
      tooLarge: await app().inject({
        method: 'POST',
        url: '/api/v1/entries/bulk',
        headers: { ...member.headers, 'content-type': 'application/json' },
        payload: `{"entries":"${'x'.repeat(21 * 1024 * 1024)}"}`,
      }),
      auth: await app().inject({ method: 'GET', url: '/api/auth/get-session' }),
      foreign: await app().inject({
        method: 'GET',
        url: '/api/v1/me',
        headers: { ...member.headers, origin: 'https://evil.example' },
      }),
    };
    expect(
      Object.fromEntries(Object.entries(responses).map(([name, response]) => [name, response.statusCode])),
    ).toEqual({
      ok: 200,
      unauthorized: 401,
      invalid: 400,
      missing: 404,
      tooLarge: 413,
      auth: 200,
      foreign: 200,
    });
    for (const [name, response] of Object.entries(responses)) {
      expect(response.headers['x-content-type-options'], name).toBe('nosniff');
      expect(response.headers['content-security-policy'], name).toContain("default-src 'self'");
      expect(response.headers['x-frame-options'], name).toBe('SAMEORIGIN');
      expect(response.headers['strict-transport-security'], name).toMatch(/max-age=\d+/);
      expect(response.headers['referrer-policy'], name).toBe('no-referrer');
      expect(response.headers['x-powered-by'], name).toBeUndefined();
      expect(response.headers['access-control-allow-origin'], name).toBeUndefined();
    }
  });

  it('sets the session cookie HttpOnly and SameSite=Lax at sign-in, and expires it at sign-out', async () => {
    const member = await createMemberWithToken(app(), { email: 'cookie@example.test' });
    await setPassword(app(), member.userId);
    const signIn = await app().inject({
      method: 'POST',
      url: '/api/auth/sign-in/email',
      headers: { origin: TEST_ORIGIN },
      payload: { email: 'cookie@example.test', password: TEST_PASSWORD },
    });
    expect(signIn.statusCode).toBe(200);
    const setCookie = [signIn.headers['set-cookie']].flat().join('\n');
    expect(setCookie).toMatch(/tiltmeter\.session_token=[^;]+;/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(setCookie).toMatch(/Path=\//);
    // The token is only in the cookie, never in the body script could read.
    expect(signIn.body).not.toContain(cookieFrom(signIn).split('=')[1]?.split('.')[0] ?? 'no-token');

    const cookie = cookieFrom(signIn);
    const signOut = await app().inject({
      method: 'POST',
      url: '/api/auth/sign-out',
      headers: { cookie, origin: TEST_ORIGIN },
    });
    expect(signOut.statusCode).toBe(200);
    expect([signOut.headers['set-cookie']].flat().join('\n')).toMatch(
      /tiltmeter\.session_token=;.*Max-Age=0/i,
    );
    const after = await app().inject({ method: 'GET', url: '/api/v1/me', headers: { cookie } });
    expect(after.statusCode).toBe(401);
  });
});

describe('token revocation and demotion between one request and the next', () => {
  const { app } = useTestApp();

  /** A burst of requests to `url` with a token revoked in the middle of it. */
  async function revokeMidBurst(url: string) {
    const member = await createMemberWithToken(app());
    const created = (
      await app().inject({
        method: 'POST',
        url: '/api/v1/tokens',
        headers: member.headers,
        payload: { name: 'burst' },
      })
    ).json() as { secret: string; token: { id: string } };
    const bearer = { authorization: `Bearer ${created.secret}` };
    const get = () => app().inject({ method: 'GET', url, headers: bearer });
    // A burst in flight while the token is revoked: whatever it answers, nothing after the revocation passes.
    const inFlight = Array.from({ length: 20 }, () => get());
    const revoked = await app().inject({
      method: 'DELETE',
      url: `/api/v1/tokens/${created.token.id}`,
      headers: member.headers,
    });
    expect(revoked.statusCode).toBe(204);
    const after = await Promise.all(Array.from({ length: 30 }, () => get()));
    expect(after.map((response) => response.statusCode)).toEqual(Array(30).fill(401));
    for (const response of await Promise.all(inFlight)) expect([200, 401]).toContain(response.statusCode);
  }

  it('refuses a revoked token on every request after the revocation answers, even mid-burst', () =>
    revokeMidBurst('/api/v1/me'));

  // The token lookup of the caller's weeks also reads their metric context (auth.ts, bearerPreload).
  it('refuses it as well on the caller’s weeks, read with the token in one statement', () =>
    revokeMidBurst('/api/v1/me/weeks'));

  it('applies a demotion to the demoted admin’s token on the very next request', async () => {
    const admin = await createMemberWithToken(app(), { role: 'admin' });
    const other = await createMemberWithToken(app(), { orgId: admin.orgId, role: 'admin' });
    expect(
      (await app().inject({ method: 'GET', url: '/api/v1/audit', headers: admin.headers })).statusCode,
    ).toBe(200);
    const demoted = await app().inject({
      method: 'PATCH',
      url: `/api/v1/members/${admin.memberId}`,
      headers: other.headers,
      payload: { role: 'member' },
    });
    expect(demoted.statusCode).toBe(200);
    const audit = await app().inject({ method: 'GET', url: '/api/v1/audit', headers: admin.headers });
    expect(audit.statusCode).toBe(403);
    const org = await app().inject({ method: 'GET', url: '/api/v1/org/metrics', headers: admin.headers });
    expect(org.statusCode).toBe(403);
  });
});
