import { z } from 'zod';

/** Why an event of an imported file did not become an entry (cancelled, no start, ...). */
export const SkippedEventSchema = z.object({
  uid: z.string(),
  summary: z.string().optional(),
  reason: z.string(),
  line: z.int().optional(),
});
export type SkippedEvent = z.infer<typeof SkippedEventSchema>;

export const ImportResultSchema = z.object({
  importId: z.string(),
  calendar: z.string(),
  created: z.int(),
  updated: z.int(),
  removed: z.int(),
  skipped: z.int(),
  skippedReasons: z.array(SkippedEventSchema),
});
export type ImportResult = z.infer<typeof ImportResultSchema>;

const DateQuerySchema = z.iso.datetime({ offset: true, message: 'must be an ISO 8601 instant' });

export const ImportIcsQuerySchema = z.object({
  /**
   * The calendar these events belong to. Re-importing the same calendar updates it in place and
   * removes events gone from it; other calendars are never touched. Defaults to the file's own
   * calendar name (X-WR-CALNAME), then the uploaded file's name.
   */
  calendar: z.string().trim().min(1).max(200).optional(),
  /** Recurring events are expanded over [from, to); default one year back to 13 weeks ahead. */
  from: DateQuerySchema.optional(),
  to: DateQuerySchema.optional(),
});
export type ImportIcsQuery = z.infer<typeof ImportIcsQuerySchema>;

export const importEndpoints = {
  ics: {
    method: 'POST',
    url: '/api/v1/imports/ics',
    schema: { querystring: ImportIcsQuerySchema, response: { 200: ImportResultSchema } },
  },
} as const;

export const ImportCsvQuerySchema = z.object({
  /** The calendar the rows belong to; defaults to the format (tiltmeter, toggl, clockify). */
  calendar: z.string().trim().min(1).max(200).optional(),
  /** How to read 03/04/2026 when the file does not tell: month first (default) or day first. */
  dateOrder: z.enum(['mdy', 'dmy']).optional(),
});
export type ImportCsvQuery = z.infer<typeof ImportCsvQuerySchema>;

export const ImportBatchSchema = z.object({
  id: z.string(),
  source: z.string(),
  calendar: z.string(),
  fileName: z.string().nullable(),
  status: z.enum(['running', 'succeeded', 'failed']),
  created: z.int(),
  updated: z.int(),
  removed: z.int(),
  skipped: z.int(),
  error: z.string().nullable(),
  startedAt: z.iso.datetime(),
  finishedAt: z.iso.datetime().nullable(),
});
export type ImportBatch = z.infer<typeof ImportBatchSchema>;

export const csvImportEndpoint = {
  method: 'POST',
  url: '/api/v1/imports/csv',
  schema: { querystring: ImportCsvQuerySchema, response: { 200: ImportResultSchema } },
} as const;

export const listImportsEndpoint = {
  method: 'GET',
  url: '/api/v1/imports',
  schema: { response: { 200: z.object({ items: z.array(ImportBatchSchema) }) } },
} as const;
