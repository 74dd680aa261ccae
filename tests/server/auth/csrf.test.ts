import type { FastifyRequest } from 'fastify';
import { describe, expect, it } from 'vitest';
import { createOriginPolicy } from '../../../server/src/lib/origins.ts';
import { createMemberWithToken, signUpWithCookie, TEST_ORIGIN } from '../../helpers/auth.ts';
import { useTestApp } from '../../helpers/test-app.ts';

describe('CSRF: cookie-authenticated changes must come from the app', () => {
  const { app } = useTestApp();

  const createToken = (headers: Record<string, string>) =>
    app().inject({ method: 'POST', url: '/api/v1/tokens', headers, payload: { name: 'laptop' } });

  it('refuses a cross-origin cookie POST on /api/v1 and changes nothing', async () => {
    const user = await signUpWithCookie(app());
    const response = await createToken({ cookie: user.cookie, origin: 'https://evil.example' });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('forbidden');
    expect(response.json().error.message).toMatch(/Cross-site request refused/);
    expect(await app().db.apiToken.count()).toBe(0);
  });

  it('refuses a cookie POST with neither Origin nor Referer', async () => {
    const user = await signUpWithCookie(app());
    const response = await createToken({ cookie: user.cookie });
    expect(response.statusCode).toBe(403);
    expect(await app().db.apiToken.count()).toBe(0);
  });

  it('refuses a cross-origin cookie PATCH and DELETE too', async () => {
    const user = await signUpWithCookie(app());
    const patch = await app().inject({
      method: 'PATCH',
      url: '/api/v1/me/settings',
      headers: { cookie: user.cookie, origin: 'https://evil.example' },
      payload: { shareWithTeamLeads: true },
    });
    expect(patch.statusCode).toBe(403);
    const settings = await app().db.memberSettings.findFirstOrThrow({
      where: { memberId: user.memberId ?? '' },
    });
    expect(settings.shareWithTeamLeads).toBe(false);
  });

  it('accepts the app origin, a Referer on the app, and the address the request was sent to', async () => {
    const user = await signUpWithCookie(app());
    expect((await createToken({ cookie: user.cookie, origin: TEST_ORIGIN })).statusCode).toBe(201);
    expect(
      (await createToken({ cookie: user.cookie, referer: `${TEST_ORIGIN}/settings/tokens` })).statusCode,
    ).toBe(201);
    // inject() sends Host: localhost:80, so http://localhost is this request's own origin.
    expect((await createToken({ cookie: user.cookie, origin: 'http://localhost' })).statusCode).toBe(201);
  });

  it('lets cookie reads through from anywhere (CORS keeps other sites from reading the answer)', async () => {
    const user = await signUpWithCookie(app());
    const response = await app().inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { cookie: user.cookie, origin: 'https://evil.example' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('exempts bearer requests: a token is not sent by browsers on their own', async () => {
    const member = await createMemberWithToken(app());
    const response = await createToken({ ...member.headers, origin: 'https://evil.example' });
    expect(response.statusCode).toBe(201);
  });

  it('refuses cross-origin cookie POSTs on /api/auth (better-auth checks the origin too)', async () => {
    const user = await signUpWithCookie(app());
    const signOut = await app().inject({
      method: 'POST',
      url: '/api/auth/sign-out',
      headers: { cookie: user.cookie, origin: 'https://evil.example' },
    });
    expect(signOut.statusCode).toBe(403);
    expect(signOut.json().error.code).toBe('forbidden');
    expect(await app().db.session.count({ where: { userId: user.userId } })).toBe(1);
  });
});

describe('createOriginPolicy', () => {
  const request = (headers: Record<string, string>, host = 'tiltmeter.example.com') =>
    ({ headers, protocol: 'https', host }) as unknown as FastifyRequest;

  it('trusts PUBLIC_URL, CORS_ORIGINS and the request’s own address, nothing else', () => {
    const policy = createOriginPolicy('https://app.example.com/', ['https://dash.example.com']);
    expect(policy.isSameSiteRequest(request({ origin: 'https://app.example.com' }))).toBe(true);
    expect(policy.isSameSiteRequest(request({ origin: 'https://dash.example.com' }))).toBe(true);
    expect(policy.isSameSiteRequest(request({ origin: 'https://tiltmeter.example.com' }))).toBe(true);
    expect(policy.isSameSiteRequest(request({ referer: 'https://app.example.com/week' }))).toBe(true);
    expect(policy.isSameSiteRequest(request({ origin: 'http://app.example.com' }))).toBe(false);
    expect(policy.isSameSiteRequest(request({ origin: 'https://app.example.com.evil.example' }))).toBe(false);
    expect(policy.isSameSiteRequest(request({ origin: 'null' }))).toBe(false);
    expect(policy.isSameSiteRequest(request({}))).toBe(false);
  });
});
