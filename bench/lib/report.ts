import type { BulkResult, IcsMemoryResult, IcsResult } from '../sections/imports.ts';
import type { FlatResult, LoadResult, ReadLatencyResult } from '../sections/reads.ts';
import { markdownTable, round } from './stats.ts';

export interface ScaleResults {
  members: number;
  weeks: number;
  generate: { entries: number; dayFacts: number; seconds: number; entriesPerSecond: number };
  bulk: BulkResult;
  ics: IcsResult;
  reads: ReadLatencyResult;
  load: LoadResult;
}

export interface Results {
  mode: 'quick' | 'full';
  startedAt: string;
  durationSeconds: number;
  machine: Record<string, string | number>;
  plan: Record<string, unknown>;
  scales: ScaleResults[];
  flat: FlatResult;
  icsMemory: IcsMemoryResult;
  serverErrorLogs: number;
  targets?: Target[];
}

export interface Target {
  figure: string;
  target: string;
  value: string;
  met: boolean;
}

/** Flat: ten times the entries may cost at most this much more (the rest is noise on a shared machine). */
export const FLAT_LIMIT = 1.3;

export function evaluateTargets(results: Results): Target[] {
  const top = results.scales.at(-1) as ScaleResults;
  const at = `${top.members} x ${top.weeks}`;
  return [
    {
      figure: `bulk import vs COPY (${at})`,
      target: '>= 30 %',
      value: `${round(top.bulk.ratio * 100, 1)} %`,
      met: top.bulk.ratio >= 0.3,
    },
    {
      figure: '10,000-event ICS import',
      target: '< 3 s',
      value: `${round(top.ics.importMs / 1000, 2)} s`,
      met: top.ics.importMs < 3000,
    },
    {
      figure: `peak RSS, ${results.icsMemory.megabytes} MB ICS`,
      target: '< 300 MB',
      value: `${results.icsMemory.peakRssMb} MB`,
      met: results.icsMemory.status === 200 && results.icsMemory.peakRssMb < 300,
    },
    {
      figure: `weekly series p95 (${at})`,
      target: '< 50 ms',
      value: `${top.reads.series.p95} ms`,
      met: top.reads.series.p95 < 50,
    },
    {
      figure: `team p95 (${at})`,
      target: '< 50 ms',
      value: `${top.reads.team.p95} ms`,
      met: top.reads.team.p95 < 50,
    },
    {
      figure: `org p95 (${at})`,
      target: '< 150 ms',
      value: `${top.reads.org.p95} ms`,
      met: top.reads.org.p95 < 150,
    },
    {
      figure: 'weekly series req/s vs bare route',
      target: '>= 25 %',
      value: `${round(top.load.ratio * 100, 1)} %`,
      met: top.load.ratio >= 0.25,
    },
    {
      figure: 'series cost, 10x entries',
      target: `flat (<= ${FLAT_LIMIT}x)`,
      value: `${results.flat.series.ratio}x`,
      met: results.flat.series.ratio <= FLAT_LIMIT,
    },
    {
      figure: 'team cost, 10x entries',
      target: `flat (<= ${FLAT_LIMIT}x)`,
      value: `${results.flat.team.ratio}x`,
      met: results.flat.team.ratio <= FLAT_LIMIT,
    },
  ];
}

const curve = (small: number, large: number) => `${round(large / small, 2)}x`;

export function renderMarkdown(results: Results): string {
  const targets = evaluateTargets(results);
  results.targets = targets;
  const [small, large] = results.scales as [ScaleResults, ScaleResults];
  const lines: string[] = [];
  lines.push(
    `# Tiltmeter benchmarks (${results.mode} run)`,
    '',
    `${results.startedAt}, ${results.durationSeconds} s. Machine: ${results.machine.cpus} x ${results.machine.cpuModel}, ${results.machine.memoryGb} GB, Node ${results.machine.node}, PostgreSQL ${results.machine.postgres} (${results.machine.database}), load average ${results.machine.loadAverage}. Every ratio is against a baseline measured in the same run.`,
    '',
    '## Targets',
    '',
    markdownTable(
      ['figure', 'target', 'measured', 'met'],
      targets.map((t) => [t.figure, t.target, t.value, t.met ? 'yes' : '**no**']),
    ),
    '',
    '## Figures and their baselines',
    '',
  );
  const rows: (string | number)[][] = [];
  for (const scale of results.scales) {
    const at = `${scale.members} x ${scale.weeks}`;
    rows.push(
      [
        `bulk import, entries/s (${at})`,
        scale.bulk.entriesPerSecond,
        `COPY into a plain table: ${scale.bulk.copyEntriesPerSecond}`,
        `${round(scale.bulk.ratio * 100, 1)} %`,
      ],
      [
        `(diagnostic) the database's own INSERT of those rows into entries, rows/s (${at})`,
        scale.bulk.databaseEntriesPerSecond,
        `COPY into a plain table: ${scale.bulk.copyEntriesPerSecond}`,
        `${round((scale.bulk.databaseEntriesPerSecond / scale.bulk.copyEntriesPerSecond) * 100, 1)} %`,
      ],
      [
        `ICS import, 10,000 events -> ${scale.ics.entriesCreated} entries, ms (${at})`,
        scale.ics.importMs,
        `COPY of its rows: ${scale.ics.copyMs} (parse alone: ${scale.ics.parseMs})`,
        `${scale.ics.ratio}x`,
      ],
      [
        `weekly series p50 / p95 ms (${at})`,
        `${scale.reads.series.p50} / ${scale.reads.series.p95}`,
        `raw SQL: ${scale.reads.rawSeries.p50} / ${scale.reads.rawSeries.p95}`,
        `${scale.reads.ratios.series}x`,
      ],
      [
        `team p50 / p95 ms (${at})`,
        `${scale.reads.team.p50} / ${scale.reads.team.p95}`,
        `raw SQL: ${scale.reads.rawTeam.p50} / ${scale.reads.rawTeam.p95}`,
        `${scale.reads.ratios.team}x`,
      ],
      [
        `org p50 / p95 ms (${at})`,
        `${scale.reads.org.p50} / ${scale.reads.org.p95}`,
        `raw SQL: ${scale.reads.rawOrg.p50} / ${scale.reads.rawOrg.p95}`,
        `${scale.reads.ratios.org}x`,
      ],
      [
        `weekly series req/s, ${scale.load.connections} connections (${at})`,
        scale.load.series.requestsPerSecond,
        `bare route: ${scale.load.bare.requestsPerSecond}`,
        `${round(scale.load.ratio * 100, 1)} %`,
      ],
    );
  }
  rows.push(
    [
      `peak RSS, ${results.icsMemory.megabytes} MB ICS (${results.icsMemory.events} events -> ${results.icsMemory.entriesCreated} entries in the window, ${results.icsMemory.importMs} ms)`,
      `${results.icsMemory.peakRssMb} MB`,
      `idle server: ${results.icsMemory.idleRssMb} MB`,
      `${results.icsMemory.ratio}x`,
    ],
    [
      `weekly series p50 ms, ${results.flat.entriesPerMember.tenN} vs ${results.flat.entriesPerMember.n} entries per member`,
      `${results.flat.series.tenN.p50}`,
      `${results.flat.series.n.p50}`,
      `${results.flat.series.ratio}x`,
    ],
    [
      'team p50 ms, teams of 5 with 10N vs N entries each',
      `${results.flat.team.tenN.p50}`,
      `${results.flat.team.n.p50}`,
      `${results.flat.team.ratio}x`,
    ],
  );
  lines.push(markdownTable(['figure', 'measured', 'baseline', 'ratio'], rows), '');
  lines.push(
    `## Cost curve: ${small.members} -> ${large.members} members (${large.members / small.members}x the people and entries)`,
    '',
    markdownTable(
      ['figure', `${small.members}`, `${large.members}`, 'change'],
      [
        [
          'generated entries',
          small.generate.entries,
          large.generate.entries,
          curve(small.generate.entries, large.generate.entries),
        ],
        [
          'generation, entries/s (write path)',
          small.generate.entriesPerSecond,
          large.generate.entriesPerSecond,
          curve(small.generate.entriesPerSecond, large.generate.entriesPerSecond),
        ],
        [
          'bulk import, entries/s',
          small.bulk.entriesPerSecond,
          large.bulk.entriesPerSecond,
          curve(small.bulk.entriesPerSecond, large.bulk.entriesPerSecond),
        ],
        [
          'ICS import (10,000 events), ms',
          small.ics.importMs,
          large.ics.importMs,
          curve(small.ics.importMs, large.ics.importMs),
        ],
        [
          'weekly series p50, ms',
          small.reads.series.p50,
          large.reads.series.p50,
          curve(small.reads.series.p50, large.reads.series.p50),
        ],
        [
          'team p50, ms',
          small.reads.team.p50,
          large.reads.team.p50,
          curve(small.reads.team.p50, large.reads.team.p50),
        ],
        [
          'org p50, ms',
          small.reads.org.p50,
          large.reads.org.p50,
          curve(small.reads.org.p50, large.reads.org.p50),
        ],
        [
          'org p50 raw SQL, ms',
          small.reads.rawOrg.p50,
          large.reads.rawOrg.p50,
          curve(small.reads.rawOrg.p50, large.reads.rawOrg.p50),
        ],
        [
          'weekly series req/s',
          small.load.series.requestsPerSecond,
          large.load.series.requestsPerSecond,
          curve(small.load.series.requestsPerSecond, large.load.series.requestsPerSecond),
        ],
      ],
    ),
    '',
    'Notes: raw SQL sums minutes per week and category straight from the entries (no overlap resolution, deep blocks, signals or privacy rules): the floor of reading the same figures without stored day facts. The bare route is a constant JSON answer registered in the same app (same global hooks) and process. Load runs use autocannon with 10 connections from the benchmark process against the server process.',
    '',
  );
  if (results.serverErrorLogs > 0)
    lines.push(`The server logged ${results.serverErrorLogs} errors during the run.`, '');
  return lines.join('\n');
}
