import autocannon from 'autocannon';
import { addIsoWeeks, datesOfIsoWeek, dayBounds } from '../../server/src/engine/index.ts';
import { scopedDb } from '../../server/src/lib/tenant-db.ts';
import { loadWriteContext, syncCalendar } from '../../server/src/modules/entries/entry-writer.ts';
import { createOrganizationWithAdmin } from '../../server/src/modules/organizations/organizations.service.ts';
import type { Db, Sql } from '../../server/src/plugins/database.ts';
import { bulkEntries, type Caller, freshMember, type ScaleData, tokenFor } from '../lib/dataset.ts';
import { request } from '../lib/http.ts';
import { percentile, round, timed } from '../lib/stats.ts';

export interface Clients {
  db: Db;
  sql: Sql;
}

export interface Latency {
  p50: number;
  p95: number;
  samples: number;
}

const latencyOf = (samples: number[]): Latency => ({
  p50: round(percentile(samples, 0.5), 2),
  p95: round(percentile(samples, 0.95), 2),
  samples: samples.length,
});

export interface ReadLatencyResult {
  weeks: number;
  series: Latency;
  team: Latency;
  org: Latency;
  /** The same figures (per-week minutes by category) with one SQL query over the raw entries. */
  rawSeries: Latency;
  rawTeam: Latency;
  rawOrg: Latency;
  /** Endpoint p50 / raw SQL p50. */
  ratios: { series: number; team: number; org: number };
}

/** Week range of a scale as a query string. */
const rangeOf = (scale: Pick<ScaleData, 'fromWeek' | 'toWeek'>) =>
  `from=${scale.fromWeek}&to=${scale.toWeek}`;

async function get(baseUrl: string, path: string, caller: Caller): Promise<number> {
  const { ms, result } = await timed(() => request(baseUrl, { path, headers: caller.headers }));
  if (result.status !== 200) throw new Error(`GET ${path}: ${result.status} ${result.body.slice(0, 300)}`);
  return ms;
}

const MINUTES = (category: string) =>
  `coalesce(sum(extract(epoch FROM end_at - start_at) / 60) FILTER (WHERE category = '${category}'), 0)::int`;

/**
 * Per ISO week (in `zone`), maker, manager and neutral minutes summed straight from the entries, for
 * the given members, grouped by `groupBy` as well. No overlap resolution, deep blocks, signals or
 * privacy rules: the floor of reading the same figures without stored facts.
 */
function rawWeeksQuery(
  sql: Sql,
  input: { organizationId: string; memberIds: string[]; zone: string; from: Date; to: Date },
) {
  return sql.unsafe(
    `SELECT to_char(start_at AT TIME ZONE $3, 'IYYY-"W"IW') AS week,
            ${MINUTES('maker')} AS maker, ${MINUTES('manager')} AS manager, ${MINUTES('neutral')} AS neutral,
            count(DISTINCT member_id)::int AS people
       FROM entries
      WHERE organization_id = $1 AND member_id = ANY($2::text[])
        AND start_at >= $4 AND start_at < $5
      GROUP BY 1 ORDER BY 1`,
    [input.organizationId, input.memberIds, input.zone, input.from, input.to] as never[],
  );
}

function rawOrgQuery(sql: Sql, input: { organizationId: string; from: Date; to: Date }) {
  return sql.unsafe(
    `SELECT tm.team_id, to_char(e.start_at AT TIME ZONE 'UTC', 'IYYY-"W"IW') AS week,
            ${MINUTES('maker')} AS maker, ${MINUTES('manager')} AS manager,
            count(DISTINCT e.member_id)::int AS people
       FROM entries e
       JOIN team_members tm ON tm.organization_id = e.organization_id AND tm.member_id = e.member_id
      WHERE e.organization_id = $1 AND e.start_at >= $2 AND e.start_at < $3
      GROUP BY 1, 2 ORDER BY 1, 2`,
    [input.organizationId, input.from, input.to] as never[],
  );
}

export async function benchReadLatency(
  clients: Clients,
  baseUrl: string,
  scale: ScaleData,
  options: { iterations: number; warmUp: number },
): Promise<ReadLatencyResult> {
  const range = rangeOf(scale);
  const paths = {
    series: [`/api/v1/me/weeks?${range}`, scale.engineer] as const,
    team: [`/api/v1/teams/${scale.team.id}/metrics?${range}`, scale.admin] as const,
    org: [`/api/v1/org/metrics?${range}`, scale.admin] as const,
  };
  const from = new Date(dayBounds(datesOfIsoWeek(scale.fromWeek)[0] as string, 'UTC').start);
  const to = new Date(dayBounds(datesOfIsoWeek(scale.toWeek)[6] as string, 'UTC').end);
  const organizationId = scale.organization.organizationId;
  const raw = {
    series: () =>
      rawWeeksQuery(clients.sql, {
        organizationId,
        memberIds: [scale.engineer.memberId],
        zone: 'UTC',
        from,
        to,
      }),
    team: () =>
      rawWeeksQuery(clients.sql, { organizationId, memberIds: scale.team.memberIds, zone: 'UTC', from, to }),
    org: () => rawOrgQuery(clients.sql, { organizationId, from, to }),
  };
  const samples = { series: [] as number[], team: [] as number[], org: [] as number[] };
  const rawSamples = { series: [] as number[], team: [] as number[], org: [] as number[] };
  const kinds = ['series', 'team', 'org'] as const;
  for (let i = 0; i < options.warmUp + options.iterations; i++) {
    // Interleaved, so drift in the machine's load hits every figure alike.
    for (const kind of kinds) {
      const [path, caller] = paths[kind];
      const ms = await get(baseUrl, path, caller);
      const rawMs = (await timed(raw[kind])).ms;
      if (i < options.warmUp) continue;
      samples[kind].push(ms);
      rawSamples[kind].push(rawMs);
    }
  }
  const result = {
    weeks: scale.weeks,
    series: latencyOf(samples.series),
    team: latencyOf(samples.team),
    org: latencyOf(samples.org),
    rawSeries: latencyOf(rawSamples.series),
    rawTeam: latencyOf(rawSamples.team),
    rawOrg: latencyOf(rawSamples.org),
  };
  return {
    ...result,
    ratios: {
      series: round(result.series.p50 / result.rawSeries.p50, 2),
      team: round(result.team.p50 / result.rawTeam.p50, 2),
      org: round(result.org.p50 / result.rawOrg.p50, 2),
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Requests per second under load
// ---------------------------------------------------------------------------------------------

export interface LoadRun {
  requestsPerSecond: number;
  latencyP50: number;
  latencyP99: number;
  non2xx: number;
  errors: number;
}

export interface LoadResult {
  connections: number;
  seconds: number;
  series: LoadRun;
  bare: LoadRun;
  /** series / bare requests per second. */
  ratio: number;
}

async function cannon(url: string, headers: Record<string, string>, connections: number, seconds: number) {
  const result = await autocannon({ url, headers, connections, duration: seconds });
  return {
    requestsPerSecond: result.requests.average,
    latencyP50: result.latency.p50,
    latencyP99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

const meanRun = (runs: LoadRun[]): LoadRun => ({
  requestsPerSecond: round(runs.reduce((sum, run) => sum + run.requestsPerSecond, 0) / runs.length, 1),
  latencyP50: round(runs.reduce((sum, run) => sum + run.latencyP50, 0) / runs.length, 1),
  latencyP99: round(runs.reduce((sum, run) => sum + run.latencyP99, 0) / runs.length, 1),
  non2xx: runs.reduce((sum, run) => sum + run.non2xx, 0),
  errors: runs.reduce((sum, run) => sum + run.errors, 0),
});

export async function benchLoad(
  baseUrl: string,
  scale: ScaleData,
  options: { connections: number; seconds: number; rounds: number },
): Promise<LoadResult> {
  const series: LoadRun[] = [];
  const bare: LoadRun[] = [];
  const seriesUrl = `${baseUrl}/api/v1/me/weeks?${rangeOf(scale)}`;
  // Warm-up of both routes, then alternating rounds so both see the same machine.
  await cannon(seriesUrl, scale.engineer.headers, options.connections, 1);
  await cannon(`${baseUrl}/bench/constant`, {}, options.connections, 1);
  for (let round = 0; round < options.rounds; round++) {
    bare.push(await cannon(`${baseUrl}/bench/constant`, {}, options.connections, options.seconds));
    series.push(await cannon(seriesUrl, scale.engineer.headers, options.connections, options.seconds));
  }
  const result = { series: meanRun(series), bare: meanRun(bare) };
  return {
    connections: options.connections,
    seconds: options.seconds,
    ...result,
    ratio: round(result.series.requestsPerSecond / result.bare.requestsPerSecond, 3),
  };
}

// ---------------------------------------------------------------------------------------------
// Flat in the number of entries (was bench/weeks-flat.ts)
// ---------------------------------------------------------------------------------------------

export interface FlatResult {
  weeks: number;
  entriesPerMember: { n: number; tenN: number };
  series: { n: Latency; tenN: Latency; ratio: number };
  team: { n: Latency; tenN: Latency; ratio: number };
}

/**
 * Two teams of five with the same calendars, one as generated (N entries each) and one with every
 * entry logged in ten consecutive pieces, as a fine-grained time tracker would (10N entries, 10N
 * meetings in the day facts' details). Series and team views read stored day facts, so both should
 * cost the same.
 */
export async function benchFlat(
  clients: Clients,
  baseUrl: string,
  options: { weeks: number; toWeek: string; iterations: number; warmUp: number },
): Promise<FlatResult> {
  const owner = await clients.db.user.create({
    data: { name: 'Flat', email: `flat-${Date.now()}@bench.example.test` },
  });
  const { organizationId, memberId: adminId } = await createOrganizationWithAdmin(clients.db, {
    userId: owner.id,
    name: 'Bench flat',
    timeZone: 'Europe/Berlin',
  });
  const admin = await tokenFor(clients.db, organizationId, adminId);
  const tenant = scopedDb(clients.db, organizationId);
  // Entries per week of the bulk plan is about 35: enough for `weeks` weeks.
  const perMember = 35 * options.weeks;
  const teams: { id: string; members: Caller[] }[] = [];
  for (const split of [1, 10]) {
    const team = await clients.db.team.create({ data: { organizationId, name: `Split ${split}` } });
    const members: Caller[] = [];
    for (let i = 0; i < 5; i++) {
      const member = await freshMember(clients.db, organizationId, `flat-${split}-${i}`);
      await clients.db.teamMember.create({
        data: { organizationId, teamId: team.id, memberId: member.memberId },
      });
      const incoming = bulkEntries(`flat-${i}`, options.toWeek as never, perMember).flatMap((entry) => {
        const start = Date.parse(entry.start);
        const piece = (Date.parse(entry.end) - start) / split;
        return Array.from({ length: split }, (_, k) => ({
          externalUid: `${entry.externalUid}#${k}`,
          title: entry.title,
          start: new Date(start + Math.round(k * piece)),
          end: new Date(start + Math.round((k + 1) * piece)),
          timeZone: entry.timeZone,
          allDay: entry.allDay,
          attendees: entry.attendees,
          organizer: entry.organizer,
          rsvp: 'accepted' as const,
          showAs: entry.showAs,
          status: 'confirmed' as const,
          seriesId: null,
        }));
      });
      await syncCalendar(
        clients.sql,
        { organizationId, memberId: member.memberId },
        await loadWriteContext(tenant, member.memberId),
        { source: 'api', calendar: 'bench', removeMissing: true },
        incoming,
      );
      members.push(member);
    }
    teams.push({ id: team.id, members });
  }
  await clients.sql`ANALYZE`;
  const [small, large] = teams as [(typeof teams)[number], (typeof teams)[number]];
  const range = `from=${addIsoWeeks(options.toWeek as never, -(options.weeks - 1))}&to=${options.toWeek}`;
  const samples = {
    seriesN: [] as number[],
    series10N: [] as number[],
    teamN: [] as number[],
    team10N: [] as number[],
  };
  for (let i = 0; i < options.warmUp + options.iterations; i++) {
    const seriesN = await get(baseUrl, `/api/v1/me/weeks?${range}`, small.members[0] as Caller);
    const series10N = await get(baseUrl, `/api/v1/me/weeks?${range}`, large.members[0] as Caller);
    const teamN = await get(baseUrl, `/api/v1/teams/${small.id}/metrics?${range}`, admin);
    const team10N = await get(baseUrl, `/api/v1/teams/${large.id}/metrics?${range}`, admin);
    if (i < options.warmUp) continue;
    samples.seriesN.push(seriesN);
    samples.series10N.push(series10N);
    samples.teamN.push(teamN);
    samples.team10N.push(team10N);
  }
  const seriesN = latencyOf(samples.seriesN);
  const series10N = latencyOf(samples.series10N);
  const teamN = latencyOf(samples.teamN);
  const team10N = latencyOf(samples.team10N);
  return {
    weeks: options.weeks,
    entriesPerMember: { n: perMember, tenN: perMember * 10 },
    series: { n: seriesN, tenN: series10N, ratio: round(series10N.p50 / seriesN.p50, 2) },
    team: { n: teamN, tenN: team10N, ratio: round(team10N.p50 / teamN.p50, 2) },
  };
}
