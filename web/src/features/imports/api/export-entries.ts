import { ExportEntriesQuerySchema, exportEndpoints } from '@tiltmeter/shared/exports';

export interface ExportRange {
  /** Local dates `YYYY-MM-DD`, both included. */
  from: string;
  to: string;
}

export type ExportUrlResult =
  | { ok: true; url: string }
  | { ok: false; errors: Partial<Record<'from' | 'to', string>> };

/** Local midnight of a `YYYY-MM-DD` date as an ISO instant; `days` moves it. */
function localMidnight(date: string, days = 0): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return null;
  const value = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + days);
  return Number.isNaN(value.getTime()) ? null : value.toISOString();
}

/**
 * The download address of the entries CSV for whole local days, validated with the server's own
 * schema. The browser downloads it with the session cookie like any same-origin link.
 */
export function entriesCsvUrl(range: ExportRange): ExportUrlResult {
  const from = localMidnight(range.from);
  const to = localMidnight(range.to, 1);
  const errors: Partial<Record<'from' | 'to', string>> = {};
  if (!from) errors.from = 'Choose a start date.';
  if (!to) errors.to = 'Choose an end date.';
  if (!from || !to) return { ok: false, errors };
  const parsed = ExportEntriesQuerySchema.safeParse({ from, to });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] === 'from' ? 'from' : 'to';
      errors[field] = field === 'to' ? 'The end date must not be before the start date.' : issue.message;
    }
    return { ok: false, errors };
  }
  const params = new URLSearchParams({ from, to });
  return { ok: true, url: `${exportEndpoints.entriesCsv.url}?${params.toString()}` };
}
