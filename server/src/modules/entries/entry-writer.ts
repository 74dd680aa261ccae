import {
  type Category,
  type Classification,
  createClassifier,
  type EngineEntry,
  type EntryFacts,
  type EntrySource,
  type ManagerSubtype,
  type RuleOutcome,
} from '@tiltmeter/shared';
import { localDatesTouched } from '../../engine/time.ts';
import type { TenantDb } from '../../lib/tenant-db.ts';
import { uuidv7 } from '../../lib/uuid.ts';
import type { Sql } from '../../plugins/database.ts';
import { rebuildDayFacts } from '../facts/day-facts.sql.ts';
import { loadMetricContext, type MemberMetricContext } from '../facts/metric-context.ts';
import { loadRuleSetsForMember } from '../rules/rule-sets.ts';
import {
  deleteEntries,
  type EntryRow,
  insertNewEntries,
  lockMemberForWrite,
  selectEntries,
  type Tx,
  upsertEntries,
} from './entry-store.sql.ts';

/**
 * The one write path for entries. Whatever the source (manual edit, bulk API, ICS, CSV), entries are
 * classified here and written together with the day facts they change, in one transaction per member.
 */

export interface MemberScope {
  organizationId: string;
  memberId: string;
}

/** An entry as a source describes it, before classification: its facts and its identity there. */
export interface IncomingEntry extends EntryFacts {
  externalUid: string | null;
}

export interface WriteContext {
  classify: (row: EntryRow) => Classification & { overridden: boolean };
  /** Changes the series override this context classifies with (after writing it to the database). */
  setSeriesOverride(seriesId: string, outcome: RuleOutcome | null): void;
  metrics: MemberMetricContext;
  titlesDropped: boolean;
}

/** Loads what classifying and measuring one member's entries needs; done before the transaction. */
export async function loadWriteContext(db: TenantDb, memberId: string): Promise<WriteContext> {
  const [ruleSets, seriesOverrides, metrics, organization] = await Promise.all([
    loadRuleSetsForMember(db, memberId),
    db.seriesOverride.findMany({
      where: { memberId },
      select: { seriesId: true, category: true, subtype: true },
    }),
    loadMetricContext(db, memberId),
    db.member.findUniqueOrThrow({
      where: { id: memberId },
      select: { organization: { select: { titlePolicy: true } } },
    }),
  ]);
  const classifier = createClassifier(ruleSets);
  const bySeries = new Map<string, RuleOutcome>(
    seriesOverrides.map((row) => [
      row.seriesId,
      { category: row.category as RuleOutcome['category'], subtype: row.subtype as ManagerSubtype | null },
    ]),
  );
  return {
    metrics,
    titlesDropped: organization.organization.titlePolicy === 'drop',
    setSeriesOverride: (seriesId, outcome) => {
      if (outcome) bySeries.set(seriesId, outcome);
      else bySeries.delete(seriesId);
    },
    classify: (row) => {
      const override: RuleOutcome | null = row.overrideCategory
        ? { category: row.overrideCategory as RuleOutcome['category'], subtype: row.overrideSubtype }
        : row.seriesId
          ? (bySeries.get(row.seriesId) ?? null)
          : null;
      return { ...classifier(toEngineEntry(row), override), overridden: override !== null };
    },
  };
}

/** What the classifier sees of a stored entry. */
export function toEngineEntry(row: Omit<EntryRow, 'calendar'> & { calendar: string | null }): EngineEntry {
  return {
    id: row.id,
    title: row.title,
    start: row.start,
    end: row.end,
    timeZone: row.timeZone,
    allDay: row.allDay,
    attendees: row.attendees,
    organizer: row.organizer,
    rsvp: row.rsvp,
    showAs: row.showAs,
    status: row.status,
    source: row.source,
    calendar: row.calendar,
    seriesId: row.seriesId,
  };
}

/** Fills in the classification columns of a row from the current rules and overrides. */
export function classifyRow(context: WriteContext, row: EntryRow): EntryRow {
  const result = context.classify(row);
  return {
    ...row,
    category: result.category as Category,
    subtype: result.subtype,
    reason: result.reason,
    ruleId: result.ruleId,
    overridden: result.overridden,
  };
}

const COMPARED_FIELDS: (keyof EntryRow)[] = [
  'title',
  'timeZone',
  'allDay',
  'attendees',
  'organizer',
  'rsvp',
  'showAs',
  'status',
  'seriesId',
  'category',
  'subtype',
  'reason',
  'ruleId',
  'overridden',
  'overrideCategory',
  'overrideSubtype',
  'editedByMember',
];

export function rowChanged(before: EntryRow, after: EntryRow): boolean {
  if (before.start.getTime() !== after.start.getTime() || before.end.getTime() !== after.end.getTime())
    return true;
  return COMPARED_FIELDS.some((field) => before[field] !== after[field]);
}

/** Local dates (in the member's zone) whose facts a set of rows affects. */
export function datesOf(rows: Iterable<Pick<EntryRow, 'start' | 'end'>>, timeZone: string): Set<string> {
  const dates = new Set<string>();
  for (const row of rows) for (const date of localDatesTouched(row, timeZone)) dates.add(date);
  return dates;
}

export function newRow(
  scope: MemberScope,
  source: EntrySource,
  calendar: string,
  entry: IncomingEntry,
): EntryRow {
  return {
    id: uuidv7(),
    organizationId: scope.organizationId,
    memberId: scope.memberId,
    ...entry,
    source,
    calendar,
    importBatchId: null,
    subscriptionId: null,
    editedByMember: false,
    category: 'unclassified',
    subtype: null,
    reason: '',
    ruleId: null,
    overrideCategory: null,
    overrideSubtype: null,
    overridden: false,
  };
}

/**
 * Runs `work` in a transaction that holds the member's write lock, then rebuilds the facts of every
 * date the work reports as touched, before committing.
 */
export async function writeForMember<T>(
  sql: Sql,
  scope: MemberScope,
  context: WriteContext,
  work: (tx: Tx) => Promise<{ result: T; touched: Set<string> }>,
): Promise<T> {
  return (await sql.begin(async (tx) => {
    await lockMemberForWrite(tx, scope.memberId);
    const { result, touched } = await work(tx);
    await rebuildDayFacts(tx, scope, context.metrics, touched);
    return result;
  })) as T;
}

export interface SyncOptions {
  source: EntrySource;
  calendar: string;
  /** Remove entries of this calendar that the incoming set no longer has (a full calendar re-import). */
  removeMissing: boolean;
  /**
   * With removeMissing: only entries overlapping this window can be removed. A calendar import reads a
   * window of time; what lies outside it was not looked at, so it is not "gone".
   */
  removeWithin?: { from: Date; to: Date };
  /**
   * Runs inside the same transaction once the entries are written, e.g. to mark the import batch
   * succeeded: if the database fails before commit, neither happened; after commit, both did.
   */
  beforeCommit?: (tx: Tx, counts: SyncCounts) => Promise<void>;
  importBatchId?: string | null;
  subscriptionId?: string | null;
}

export interface SyncCounts {
  created: number;
  updated: number;
  removed: number;
  unchanged: number;
}

/**
 * Brings one calendar of a member in line with `incoming`, matched by external uid: new events are
 * created, changed ones updated in place (ids, overrides and the member's own edits survive), and,
 * for full re-imports, vanished ones removed. Importing the same data twice changes nothing.
 */
export async function syncCalendar(
  sql: Sql,
  scope: MemberScope,
  context: WriteContext,
  options: SyncOptions,
  incoming: readonly IncomingEntry[],
): Promise<SyncCounts> {
  return writeForMember(sql, scope, context, async (tx) => {
    // A full re-import compares with the whole calendar; an upsert (the bulk API) only needs the rows
    // it names, so its cost follows the request, not how many entries the calendar already holds.
    const existing = await selectEntries(
      tx,
      scope,
      options.removeMissing
        ? { calendar: options.calendar }
        : {
            calendar: options.calendar,
            externalUids: incoming.flatMap((entry) => (entry.externalUid ? [entry.externalUid] : [])),
          },
    );
    const byUid = new Map(
      existing.filter((row) => row.externalUid).map((row) => [row.externalUid as string, row]),
    );
    const seen = new Set<string>();
    const creates: EntryRow[] = [];
    const updates: EntryRow[] = [];
    const touchedRows: Pick<EntryRow, 'start' | 'end'>[] = [];
    let created = 0;
    let updated = 0;
    let unchanged = 0;
    for (const entry of incoming) {
      const title = context.titlesDropped ? null : entry.title;
      const before = entry.externalUid ? byUid.get(entry.externalUid) : undefined;
      if (entry.externalUid) seen.add(entry.externalUid);
      if (!before) {
        const row = classifyRow(context, {
          ...newRow(scope, options.source, options.calendar, { ...entry, title }),
          importBatchId: options.importBatchId ?? null,
          subscriptionId: options.subscriptionId ?? null,
        });
        creates.push(row);
        touchedRows.push(row);
        created++;
        continue;
      }
      // The member's own edits win over the source: such an entry keeps its fields.
      const merged: EntryRow = before.editedByMember ? before : { ...before, ...entry, title };
      const after = classifyRow(context, merged);
      if (!rowChanged(before, after)) {
        unchanged++;
        continue;
      }
      updates.push({ ...after, importBatchId: options.importBatchId ?? before.importBatchId });
      touchedRows.push(before, after);
      updated++;
    }
    const window = options.removeWithin;
    const removedRows = options.removeMissing
      ? existing.filter(
          (row) =>
            (!row.externalUid || !seen.has(row.externalUid)) &&
            (!window || (row.start < window.to && row.end > window.from)),
        )
      : [];
    touchedRows.push(...removedRows);
    await insertNewEntries(tx, creates);
    await upsertEntries(tx, updates);
    await deleteEntries(
      tx,
      scope,
      removedRows.map((row) => row.id),
    );
    const counts = { created, updated, removed: removedRows.length, unchanged };
    await options.beforeCommit?.(tx, counts);
    return {
      result: counts,
      touched: datesOf(touchedRows, context.metrics.timeZone),
    };
  });
}
