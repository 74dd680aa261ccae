import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../../server/src/config.ts';
import { hashApiToken, looksLikeApiToken } from '../../../server/src/modules/tokens/token-secret.ts';
import { cookieFrom, createMemberWithToken, TEST_ORIGIN } from '../../helpers/auth.ts';
import { useTestApp } from '../../helpers/test-app.ts';

const run = promisify(execFile);

describe('admin CLI: create-org and create-token', () => {
  const { app, databaseUrl } = useTestApp();

  async function cli(...args: string[]) {
    try {
      const { stdout, stderr } = await run('npx', ['tsx', 'server/src/cli/main.ts', ...args], {
        cwd: REPO_ROOT,
        env: { ...process.env, DATABASE_URL: databaseUrl(), LOG_LEVEL: 'silent' },
        timeout: 60_000,
      });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string };
      return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
    }
  }

  it('create-org makes the organization, the admin with a password, and create-token prints a working token last', {
    timeout: 120_000,
  }, async () => {
    const created = await cli(
      'create-org',
      '--name',
      'Acme Labs',
      '--admin-email',
      'Boss@Acme.test',
      '--password',
      'a long enough password',
    );
    expect(created.code).toBe(0);
    expect(created.stdout).toMatch(
      /Created organization "Acme Labs" \(id .+, slug acme-labs-[0-9a-f]{6}\) with boss@acme\.test as admin/,
    );
    const organization = await app().db.organization.findFirstOrThrow({ where: { name: 'Acme Labs' } });
    const member = await app().db.member.findFirstOrThrow({
      where: { organizationId: organization.id },
      include: { user: true, settings: true },
    });
    expect(member.role).toBe('admin');
    expect(member.user.email).toBe('boss@acme.test');
    expect(member.settings?.timeZone).toBe('UTC');

    // The password works through the real sign-in.
    const signIn = await app().inject({
      method: 'POST',
      url: '/api/auth/sign-in/email',
      headers: { origin: TEST_ORIGIN },
      payload: { email: 'boss@acme.test', password: 'a long enough password' },
    });
    expect(signIn.statusCode).toBe(200);
    expect(cookieFrom(signIn)).toMatch(/session_token/);

    const token = await cli('create-token', '--email', 'boss@acme.test', '--name', 'ci');
    expect(token.code).toBe(0);
    const lines = token.stdout.trimEnd().split('\n');
    const secret = lines.at(-1) ?? '';
    expect(looksLikeApiToken(secret)).toBe(true);
    const stored = await app().db.apiToken.findFirstOrThrow({ where: { memberId: member.id } });
    expect(stored.name).toBe('ci');
    expect(stored.tokenHash).toBe(hashApiToken(secret));

    const me = await app().inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { authorization: `Bearer ${secret}` },
    });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({
      organization: { id: organization.id },
      role: 'admin',
      authenticatedWith: 'token',
    });
    const audit = await app().db.auditEvent.findFirstOrThrow({ where: { action: 'token.created' } });
    expect(audit.details).toMatchObject({ via: 'cli', name: 'ci' });
  });

  it('create-token needs --org for someone in several organizations, and takes an id or a slug', {
    timeout: 120_000,
  }, async () => {
    const first = await createMemberWithToken(app(), { email: 'multi@example.test', orgName: 'One' });
    const second = await createMemberWithToken(app(), { email: 'multi@example.test', orgName: 'Two' });
    const slug = (await app().db.organization.findUniqueOrThrow({ where: { id: second.orgId } })).slug;

    const ambiguous = await cli('create-token', '--email', 'multi@example.test');
    expect(ambiguous.code).toBe(1);
    expect(ambiguous.stderr).toMatch(/several organizations: choose one with --org/);

    const bySlug = await cli('create-token', '--email', 'multi@example.test', '--org', slug);
    expect(bySlug.code).toBe(0);
    const secret = bySlug.stdout.trimEnd().split('\n').at(-1) ?? '';
    const me = await app().inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { authorization: `Bearer ${secret}` },
    });
    expect(me.json().organization.id).toBe(second.orgId);

    const byId = await cli('create-token', '--email', 'multi@example.test', '--org', first.orgId);
    expect(byId.code).toBe(0);
    const secretOne = byId.stdout.trimEnd().split('\n').at(-1) ?? '';
    const meOne = await app().inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { authorization: `Bearer ${secretOne}` },
    });
    expect(meOne.json().organization.id).toBe(first.orgId);
  });

  it('explains mistakes: unknown email, missing options', { timeout: 120_000 }, async () => {
    const unknown = await cli('create-token', '--email', 'ghost@example.test');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/No account with the email ghost@example\.test/);
    const missing = await cli('create-org', '--name', 'No Admin');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/--admin-email is required/);
    expect(await app().db.organization.count()).toBe(0);
  });
});
