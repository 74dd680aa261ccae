import type {
  EntrySource,
  ImportBatch,
  ImportCsvQuery,
  ImportIcsQuery,
  ImportResult,
} from '@tiltmeter/shared';
import { AppError } from '../../lib/errors.ts';
import { storableText } from '../../lib/text.ts';
import type { AuthContext } from '../../plugins/auth.ts';
import type { EntryDeps } from '../entries/entries.service.ts';
import { loadWriteContext, syncCalendar } from '../entries/entry-writer.ts';
import { CsvParseError, parseEntriesCsv } from './csv-parse.ts';
import { IcsParseError, type ParsedEntry, parseIcs, type SkippedEvent } from './ics-parse.ts';

const DAY_MS = 86_400_000;
/** Calendar files of a few years of meetings run to tens of megabytes; this is the ceiling. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;
/** Recurring series are expanded at most this many times inside the window. */
export const MAX_OCCURRENCES_PER_SERIES = 1_000;

/** The default window of an import: one year back to 13 weeks ahead of now. */
export function defaultImportWindow(now: Date): { from: Date; to: Date } {
  return { from: new Date(now.getTime() - 365 * DAY_MS), to: new Date(now.getTime() + 13 * 7 * DAY_MS) };
}

function importWindow(query: ImportIcsQuery, now: Date) {
  const fallback = defaultImportWindow(now);
  const window = {
    from: query.from ? new Date(query.from) : fallback.from,
    to: query.to ? new Date(query.to) : fallback.to,
  };
  if (window.to <= window.from) {
    throw new AppError('validation_failed', 'Invalid querystring.to: must be after from', [
      { path: ['querystring', 'to'], message: 'must be after from' },
    ]);
  }
  return window;
}

/**
 * Gives the memory of an upload's bytes back now. The buffer lived through the upload, so the garbage
 * collector would free it only at its next full collection, after the entries are written: 50 MB more
 * at the busiest moment of a large import. Transferring its memory to a copy that nothing keeps
 * (structuredClone) detaches the buffer, and the copy is freed with the young generation. The caller
 * owns all of the memory the bytes are in (an upload's buffer, which may be larger than the file).
 */
export function releaseBytes(bytes: string | Uint8Array): void {
  if (typeof bytes === 'string') return;
  const { buffer } = bytes;
  // Only memory of its own, from its start (not a slice of Node's 8 KB pool), and big enough to matter.
  if (!(buffer instanceof ArrayBuffer) || bytes.byteOffset !== 0 || buffer.byteLength < 1 << 20) return;
  try {
    structuredClone(buffer, { transfer: [buffer] });
  } catch {
    // Not detachable: the garbage collector frees it in its own time.
  }
}

/** The addresses that make the member an attendee: their sign-in email and their calendar emails. */
async function memberIdentity(deps: EntryDeps, auth: AuthContext) {
  const member = await deps.db.member.findUniqueOrThrow({
    where: { id: auth.memberId },
    select: {
      user: { select: { email: true } },
      settings: { select: { calendarEmails: true, timeZone: true } },
    },
  });
  return {
    emails: [member.user.email, ...(member.settings?.calendarEmails ?? [])],
    timeZone: member.settings?.timeZone ?? 'UTC',
  };
}

/**
 * Imports one calendar file as one transaction: parse it (recurrences expanded over the window),
 * then create, update and remove that calendar's entries so they match the file. A file that cannot
 * be read is refused with the line of the problem, and nothing is written. `input.text` is emptied
 * once parsed: a file of up to 50 MB need not stay in memory while its entries are written.
 */
export async function importIcs(
  deps: EntryDeps,
  auth: AuthContext,
  input: {
    /** The file: its text or its UTF-8 bytes. */
    text: string | Uint8Array;
    /** The bytes are this import's own (an upload): their memory is given back once parsed. */
    ownsText?: boolean;
    fileName: string | null;
    query: ImportIcsQuery;
    source?: EntrySource;
    now?: Date;
  },
): Promise<ImportResult> {
  const window = importWindow(input.query, input.now ?? new Date());
  const identity = await memberIdentity(deps, auth);
  let parsed: { calendarName: string | null; entries: ParsedEntry[]; skipped: SkippedEvent[] };
  try {
    parsed = parseIcs(input.text, {
      memberEmails: identity.emails,
      memberTimeZone: identity.timeZone,
      window,
      maxOccurrencesPerSeries: MAX_OCCURRENCES_PER_SERIES,
    });
  } catch (error) {
    if (error instanceof IcsParseError) {
      throw new AppError('validation_failed', `The calendar file could not be read: ${error.message}`, [
        { path: ['body'], message: error.message, ...(error.line ? { line: error.line } : {}) },
      ]);
    }
    throw error;
  } finally {
    if (input.ownsText) releaseBytes(input.text);
    input.text = '';
  }
  const calendar =
    input.query.calendar ??
    parsed.calendarName?.trim() ??
    input.fileName?.replace(/\.ics$/i, '') ??
    'Imported calendar';
  return writeImport(deps, auth, {
    source: input.source ?? 'ics_file',
    calendar,
    fileName: input.fileName,
    entries: parsed.entries,
    skipped: parsed.skipped,
    removeMissing: true,
    window,
  });
}

/**
 * Records the import batch and writes its entries in one transaction; a batch that fails is marked
 * failed with its error, and no entry of it is left behind.
 */
async function writeImport(
  deps: EntryDeps,
  auth: AuthContext,
  input: {
    source: EntrySource;
    calendar: string;
    fileName: string | null;
    entries: ParsedEntry[];
    skipped: SkippedEvent[];
    removeMissing: boolean;
    window?: { from: Date; to: Date };
  },
): Promise<ImportResult> {
  const { source, skipped } = input;
  // The calendar's name comes from the file (X-WR-CALNAME) or the query: stored as text can hold it.
  const calendar = storableText(input.calendar);
  const batch = await deps.db.importBatch.create({
    data: {
      organizationId: auth.orgId,
      memberId: auth.memberId,
      source,
      calendar,
      fileName: input.fileName === null ? null : storableText(input.fileName),
      skipped: skipped.length,
      // Skipped events quote the file (UIDs, titles), NUL bytes and broken surrogates included.
      skippedReasons: skipped.map((skip) => ({
        ...skip,
        uid: storableText(skip.uid),
        reason: storableText(skip.reason),
        ...(skip.summary === undefined ? {} : { summary: storableText(skip.summary) }),
      })),
    },
    select: { id: true },
  });
  try {
    const context = await loadWriteContext(deps.db, auth.memberId);
    const counts = await syncCalendar(
      deps.sql,
      { organizationId: auth.orgId, memberId: auth.memberId },
      context,
      {
        source,
        calendar,
        removeMissing: input.removeMissing,
        removeWithin: input.window,
        importBatchId: batch.id,
        // The batch is marked succeeded in the entries' own transaction: an answer of failure then
        // always means nothing was applied.
        beforeCommit: async (tx, result) => {
          await tx`UPDATE import_batches
                      SET status = 'succeeded', created = ${result.created}, updated = ${result.updated},
                          removed = ${result.removed}, finished_at = now()
                    WHERE id = ${batch.id} AND organization_id = ${auth.orgId}`;
        },
      },
      input.entries,
    );
    return {
      importId: batch.id,
      calendar,
      created: counts.created,
      updated: counts.updated,
      removed: counts.removed,
      skipped: skipped.length,
      skippedReasons: skipped,
    };
  } catch (error) {
    // Best effort: with the database gone this fails too, and the batch stays 'running' (nothing of
    // it was applied); the original error is what the caller must see.
    await deps.db.importBatch
      .update({
        where: { id: batch.id },
        data: {
          status: 'failed',
          error: error instanceof Error ? error.message : String(error),
          finishedAt: new Date(),
        },
      })
      .catch(() => {});
    throw error;
  }
}

/**
 * Imports a CSV of entries (Tiltmeter's own format, or a Toggl Track or Clockify detailed export).
 * Rows are matched by their identity, so importing the same file again changes nothing; rows absent
 * from a later file are kept (a tracker export covers a date range, not the whole calendar).
 */
export async function importCsv(
  deps: EntryDeps,
  auth: AuthContext,
  input: { text: string; fileName: string | null; query: ImportCsvQuery },
): Promise<ImportResult> {
  const identity = await memberIdentity(deps, auth);
  let parsed: ReturnType<typeof parseEntriesCsv>;
  try {
    parsed = parseEntriesCsv(input.text, {
      timeZone: identity.timeZone,
      memberEmails: identity.emails,
      dateOrder: input.query.dateOrder,
    });
  } catch (error) {
    if (error instanceof CsvParseError) {
      const issues =
        error.issues.length > 0
          ? error.issues
          : [{ line: error.line, field: error.field, message: error.message }];
      throw new AppError(
        'validation_failed',
        `The CSV file could not be read: ${error.message}`,
        issues.map((issue) => ({
          path: ['body', ...(issue.field ? [issue.field] : [])],
          message: issue.message,
          ...(issue.line ? { line: issue.line } : {}),
        })),
      );
    }
    throw error;
  }
  return writeImport(deps, auth, {
    source: 'csv',
    calendar: input.query.calendar ?? parsed.format,
    fileName: input.fileName,
    entries: parsed.entries,
    skipped: parsed.skipped.map((skip) => ({
      uid: `line ${skip.line}`,
      reason: skip.reason,
      line: skip.line,
    })),
    removeMissing: false,
  });
}

/** The caller's recent imports, newest first (the import page's history). */
export async function listImports(deps: EntryDeps, auth: AuthContext): Promise<ImportBatch[]> {
  const rows = await deps.db.importBatch.findMany({
    where: { memberId: auth.memberId },
    orderBy: { startedAt: 'desc' },
    take: 50,
  });
  return rows.map((row) => ({
    id: row.id,
    source: row.source,
    calendar: row.calendar,
    fileName: row.fileName,
    status: row.status,
    created: row.created,
    updated: row.updated,
    removed: row.removed,
    skipped: row.skipped,
    error: row.error,
    startedAt: row.startedAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  }));
}
