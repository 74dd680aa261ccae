import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildApp } from '../server/src/app.ts';
import { startEmbeddedPostgres } from '../server/src/db/embedded-postgres.ts';
import { applyMigrations } from '../server/src/db/migrations.ts';
import { seedDemoAt } from '../server/src/demo/seed-demo.ts';
import { generateApiToken } from '../server/src/modules/tokens/token-secret.ts';
const parent = mkdtempSync(path.join(tmpdir(), 'tm-demo-')); chmodSync(parent, 0o755);
const server = await startEmbeddedPostgres({ dataDir: path.join(parent, 'pg'), port: 45678, database: 'demo', persistent: false });
try {
  await applyMigrations(server.url);
  let t = Date.now();
  await seedDemoAt(server.url, (m) => console.log(m));
  console.log('seed ms', Date.now() - t);
  t = Date.now();
  await seedDemoAt(server.url, (m) => console.log(m));
  console.log('reseed ms', Date.now() - t);
  const app = await buildApp({ databaseUrl: server.url, logLevel: 'silent', corsOrigins: [], rateLimitPerMinute: 1e6, webDistDir: '/nonexistent' });
  await app.ready();
  const members = await app.db.member.findMany({ include: { user: true } });
  const tokenFor = async (email: string) => { const m = members.find((x) => x.user.email.startsWith(email))!; const { token, prefix, hash } = generateApiToken(); await app.db.apiToken.create({ data: { organizationId: m.organizationId, memberId: m.id, name: 't', prefix, tokenHash: hash } }); return { authorization: `Bearer ${token}` }; };
  for (const who of ['demo@', 'priya', 'ines', 'tom', 'marco', 'olivia']) {
    const h = await tokenFor(who);
    const r = (await app.inject({ url: '/api/v1/me/weeks?from=' + '2026-W01'.replace('2026-W01', '') , headers: h })).json();
    const body = (await app.inject({ url: `/api/v1/me/weeks?to=${r.to}&from=${r.items[0].week}`, headers: h })).json();
    console.log(who, body.items.map((i: any) => `${i.week.slice(5)} ${i.makerShare === null ? '--' : Math.round(i.makerShare * 100)} ${i.signals.map((s: any) => s.code.split('_').map((w: string) => w[0]).join('')).join(',')}`).join(' | '));
  }
  const admin = await tokenFor('demo@');
  const org = (await app.inject({ url: '/api/v1/org/metrics', headers: admin })).json();
  for (const team of org.teams) console.log(team.name, team.tilt, team.weeks.map((c: any) => c.suppressed ? 'S' : Math.round(c.medianMakerShare * 100)).join(' '), JSON.stringify(team.prevalence?.shares));
  console.log(org.burnoutTeams);
  const teams = (await app.inject({ url: '/api/v1/teams', headers: admin })).json().items;
  for (const team of teams) { const m = (await app.inject({ url: `/api/v1/teams/${team.id}/metrics`, headers: admin })).json(); console.log(team.name, JSON.stringify(m.series.slice(0, 3)), JSON.stringify(m.weekdays)); }
  const t2 = Date.now(); for (let i = 0; i < 5; i++) await app.inject({ url: '/api/v1/org/metrics', headers: admin }); console.log('org view ms', (Date.now() - t2) / 5);
  const t3 = Date.now(); for (let i = 0; i < 5; i++) await app.inject({ url: `/api/v1/teams/${teams[0].id}/metrics`, headers: admin }); console.log('team view ms', (Date.now() - t3) / 5);
  await app.close();
} finally { await server.stop(); }
process.exit(0);
