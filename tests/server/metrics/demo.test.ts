import { spawn } from 'node:child_process';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../../server/src/config.ts';
import { DEMO_EMAIL, DEMO_PASSWORD, DEMO_WEEKS } from '../../../server/src/demo/demo-org.ts';
import { addIsoWeeks, isoWeekOf } from '../../../server/src/engine/index.ts';
import { signInWithCookie } from '../../helpers/auth.ts';
import { useTestApp } from '../../helpers/test-app.ts';

/** `npm run tiltmeter -- seed-demo` against the test database; resolves with its output. */
function seedDemoCli(databaseUrl: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/cli/main.ts', 'seed-demo'], {
      cwd: REPO_ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.on('exit', (code) =>
      code === 0 ? resolve(output) : reject(new Error(`seed-demo exited ${code}:\n${output}`)),
    );
  });
}

/** Row counts and a digest of every entry and day fact: "the same data" made checkable. */
async function fingerprint(databaseUrl: string) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query(`
      SELECT (SELECT count(*) FROM organizations)::int AS organizations,
             (SELECT count(*) FROM users)::int AS users,
             (SELECT count(*) FROM accounts)::int AS accounts,
             (SELECT count(*) FROM members)::int AS members,
             (SELECT count(*) FROM member_settings)::int AS settings,
             (SELECT count(*) FROM teams)::int AS teams,
             (SELECT count(*) FROM team_members)::int AS team_members,
             (SELECT count(*) FROM rules)::int AS rules,
             (SELECT count(*) FROM entries)::int AS entries,
             (SELECT count(*) FROM member_day_facts)::int AS day_facts,
             (SELECT md5(string_agg(id || external_uid || start_at::text || end_at::text || category::text || coalesce(subtype::text, ''), ',' ORDER BY id)) FROM entries) AS entries_digest,
             (SELECT md5(string_agg(member_id || local_date::text || details::text, ',' ORDER BY member_id, local_date)) FROM member_day_facts) AS facts_digest`);
    return rows[0];
  } finally {
    await client.end();
  }
}

describe('npm run tiltmeter -- seed-demo', () => {
  const { app, databaseUrl } = useTestApp();

  it('seeds the demo organization idempotently, and its stories show in the API', async () => {
    const first = await seedDemoCli(databaseUrl());
    expect(first).toMatch(
      /Demo calendars \d{4}-W\d{2} to \d{4}-W\d{2}: [1-9]\d* entries created, 0 updated, 0 removed, 0 unchanged/,
    );
    expect(first).toContain(`Sign in as ${DEMO_EMAIL} with the password ${DEMO_PASSWORD}`);
    const before = await fingerprint(databaseUrl());
    expect(before).toMatchObject({
      organizations: 1,
      users: 25,
      members: 25,
      settings: 25,
      teams: 4,
      team_members: 27,
    });
    expect(before.entries).toBeGreaterThan(20_000);

    const second = await seedDemoCli(databaseUrl());
    expect(second).toMatch(/: 0 entries created, 0 updated, 0 removed, [1-9]\d* unchanged/);
    expect(await fingerprint(databaseUrl())).toEqual(before);

    // The demo sign-in works with its password (the hash is better-auth's own).
    const cookie = await signInWithCookie(app(), DEMO_EMAIL, DEMO_PASSWORD);
    const asDana = async (url: string) => {
      const response = await app().inject({ method: 'GET', url, headers: { cookie } });
      expect(response.statusCode, response.body).toBe(200);
      return response.json();
    };
    const me = await asDana('/api/v1/me');
    expect(me.role).toBe('admin');

    // Dana, the demo user: tilting down over months into the burnout pattern.
    // The seed's weeks end with the current week in UTC.
    const to = isoWeekOf(Date.now(), 'UTC');
    const from = addIsoWeeks(to, -(DEMO_WEEKS - 1));
    const dana = await asDana(`/api/v1/me/weeks?from=${from}&to=${to}`);
    const codes = (item: { signals: { code: string }[] }) => item.signals.map((s) => s.code);
    expect(dana.items[0].makerShare).toBeGreaterThan(0.55);
    expect(dana.items.at(-1).makerShare).toBeLessThan(0.2);
    expect(codes(dana.items.at(-1))).toContain('burnout_pattern');
    expect(codes(dana.items.at(-2))).toContain('burnout_pattern');
    expect(dana.items.at(-1).belowTargetStreak).toBeGreaterThanOrEqual(26);
    expect(dana.items.some((item: { signals: { code: string }[] }) => codes(item).includes('drift'))).toBe(
      true,
    );
    expect(codes(dana.items.at(-1))).toContain('after_hours');
    // One week asked alone still has its history: the streak is counted over the weeks before it.
    const lastOnly = await asDana(`/api/v1/me/weeks?from=${to}&to=${to}`);
    expect(lastOnly.items).toEqual([dana.items.at(-1)]);

    // Product Engineering: Dana leads it, sees herself and the three who share, not the others.
    const teams = (await asDana('/api/v1/teams')).items as {
      id: string;
      name: string;
      members: { memberId: string; displayName: string }[];
    }[];
    const team = (name: string) => teams.find((t) => t.name === name) as (typeof teams)[number];
    const product = await asDana(
      `/api/v1/teams/${team('Product Engineering').id}/metrics?from=${from}&to=${to}`,
    );
    const shown = product.individuals.shown.map(
      (s: { displayName: string; access: string }) => `${s.displayName}: ${s.access}`,
    );
    expect(shown.sort()).toEqual([
      'Ahmed: shared_with_lead',
      'Dana: own',
      'Lena: shared_with_lead',
      'Priya: shared_with_lead',
    ]);
    expect(product.individuals.omitted).toBe(5);

    // Priya, the tech lead, had a launch week without a single maker minute.
    const priyaId = team('Product Engineering').members.find((m) => m.displayName === 'Priya')?.memberId;
    const priya = await asDana(`/api/v1/members/${priyaId}/weeks?from=${from}&to=${to}`);
    const launch = priya.items.find((item: { week: string }) => item.week === addIsoWeeks(to, -4));
    expect(launch).toMatchObject({ makerMinutes: 0 });
    expect(codes(launch)).toContain('zero_maker_week');
    expect(
      priya.items.filter((item: { signals: { code: string }[] }) => codes(item).includes('zero_maker_week')),
    ).toHaveLength(1);

    // Platform keeps its no-meeting Wednesday and a high maker share; Dana sees only its aggregates.
    const platform = await asDana(`/api/v1/teams/${team('Platform').id}/metrics?from=${from}&to=${to}`);
    expect(platform.weekdays[2]).toEqual({ weekday: 3, managerMinutes: 0, meetings: 0 });
    expect(platform.weekdays[1].meetings).toBeGreaterThan(0);
    expect(platform.summary.medianMakerShare).toBeGreaterThan(0.8);
    expect(platform.individuals.shown).toEqual([]);

    // Product Engineering's standup costs more focus than any team's most costly series.
    const tops = [];
    for (const name of ['Platform', 'Product Engineering', 'Growth']) {
      const metrics =
        name === 'Platform'
          ? platform
          : name === 'Product Engineering'
            ? product
            : await asDana(`/api/v1/teams/${team(name).id}/metrics?from=${from}&to=${to}`);
      tops.push({ name, top: metrics.series[0] });
    }
    tops.sort((a, b) => b.top.focusCostMinutes - a.top.focusCostMinutes);
    expect(tops[0]).toMatchObject({
      name: 'Product Engineering',
      top: { title: 'Daily standup', people: 9 },
    });

    // The org view: Product Engineering in the burnout pattern, Leadership (3 people) always
    // suppressed, Growth suppressed the week four of its eight were away.
    const org = await asDana(`/api/v1/org/metrics?from=${from}&to=${to}`);
    expect(org.burnoutTeams.map((t: { name: string }) => t.name)).toEqual(['Product Engineering']);
    const orgTeam = (name: string) => org.teams.find((t: { name: string }) => t.name === name);
    expect(orgTeam('Leadership').weeks.every((cell: { suppressed: boolean }) => cell.suppressed)).toBe(true);
    expect(orgTeam('Growth').weeks[10]).toMatchObject({ suppressed: true });
    expect(orgTeam('Platform').weeks.every((cell: { suppressed: boolean }) => !cell.suppressed)).toBe(true);
  }, 300_000);
});
