import {
  type Category,
  MANAGER_SUBTYPE_KEYS,
  type ManagerMinutesBySubtype,
  type ManagerSubtype,
} from '@tiltmeter/shared';
import type { Sql } from '../../plugins/database.ts';

/**
 * The metric reads (postgres.js). Every statement filters by the caller's organization id first, so
 * it uses the tables' (organization_id, member_id, ...) indexes and cannot reach another tenant.
 * Week series read the stored day facts' scalar columns only (never the entries, nor the `details`
 * JSON whose size grows with the number of meetings), so their cost is flat in the number of entries.
 */

/** One member's ISO week, summed from their stored day facts; days without a row are not in it. */
export interface WeekAggregateRow {
  memberId: string;
  week: string;
  makerMinutes: number;
  managerMinutes: number;
  neutralMinutes: number;
  deepBlocks: number;
  deepMinutes: number;
  fragmentedMakerMinutes: number;
  longestBlockMinutes: number;
  afterHoursMinutes: number;
  weekendMinutes: number;
  contextSwitches: number;
  focusCostMinutes: number;
  managerBySubtype: ManagerMinutesBySubtype;
  /** The stored local dates, ascending, and per date its manager minutes and whether it was meeting-free. */
  dates: string[];
  dayManagerMinutes: number[];
  dayMeetingFree: boolean[];
}

const subtypeMinutes = (key: string) => `coalesce(sum((manager_by_subtype->>'${key}')::int), 0)::int`;
// json, not jsonb: json keeps the keys in the contract's order (jsonb sorts them), so the series can be
// sent as built (response-serializer.ts).
const SUBTYPE_OBJECT = `json_build_object(${MANAGER_SUBTYPE_KEYS.map((key) => `'${key}', ${subtypeMinutes(key)}`).join(', ')})`;

/**
 * Per member and ISO week, the sums of the stored day facts of the local dates [fromDate, toDate]:
 * one grouped scan of the facts' primary key range per member.
 */
export async function selectWeekAggregates(
  sql: Sql,
  scope: { organizationId: string; memberIds: readonly string[] },
  range: { fromDate: string; toDate: string },
): Promise<WeekAggregateRow[]> {
  if (scope.memberIds.length === 0) return [];
  return sql.unsafe<WeekAggregateRow[]>(
    `SELECT member_id AS "memberId",
            iso_week AS week,
            sum(maker_minutes)::int AS "makerMinutes",
            sum(manager_minutes)::int AS "managerMinutes",
            sum(neutral_minutes)::int AS "neutralMinutes",
            sum(deep_blocks)::int AS "deepBlocks",
            sum(deep_minutes)::int AS "deepMinutes",
            sum(fragmented_maker_minutes)::int AS "fragmentedMakerMinutes",
            max(longest_block_minutes)::int AS "longestBlockMinutes",
            sum(after_hours_minutes)::int AS "afterHoursMinutes",
            sum(weekend_minutes)::int AS "weekendMinutes",
            sum(context_switches)::int AS "contextSwitches",
            sum(focus_cost_minutes)::int AS "focusCostMinutes",
            ${SUBTYPE_OBJECT} AS "managerBySubtype",
            array_agg(to_char(local_date, 'YYYY-MM-DD') ORDER BY local_date) AS dates,
            array_agg(manager_minutes ORDER BY local_date) AS "dayManagerMinutes",
            array_agg(working_day AND meeting_count = 0 ORDER BY local_date) AS "dayMeetingFree"
       FROM member_day_facts
      WHERE organization_id = $1
        AND member_id = ANY($2::text[])
        AND local_date BETWEEN $3::date AND $4::date
      GROUP BY member_id, iso_week
      ORDER BY member_id, iso_week`,
    [scope.organizationId, [...scope.memberIds], range.fromDate, range.toDate] as never[],
  );
}

/** A member's entries overlapping [from, to), every category, for the week-by-day view. */
export interface WeekEntryRow {
  id: string;
  title: string | null;
  start: Date;
  end: Date;
  seriesId: string | null;
  category: Category;
  subtype: ManagerSubtype | null;
  reason: string;
  overridden: boolean;
}

export async function selectEntriesOfWeek(
  sql: Sql,
  scope: { organizationId: string; memberId: string },
  bounds: { from: Date; to: Date },
): Promise<WeekEntryRow[]> {
  return sql<WeekEntryRow[]>`
    SELECT id, title, start_at AS start, end_at AS "end", series_id AS "seriesId",
           category, subtype, reason, overridden
      FROM entries
     WHERE organization_id = ${scope.organizationId} AND member_id = ${scope.memberId}
       AND start_at < ${bounds.to} AND end_at > ${bounds.from}
     ORDER BY start_at, id`;
}

export interface TeamSeriesRow {
  seriesId: string;
  people: number;
  weeks: number;
  occurrences: number;
  managerMinutes: number;
  focusCostMinutes: number;
}

/**
 * Recurring meetings of a group ranked by the focus they cost, from the day facts' meetings. A series
 * counts in a week only when at least `minGroupSize` of the group's members had it that week: every
 * number is a sum over enough people, and a 1:1 (two people) never appears. Only `weeks` (the weeks
 * whose team cell is shown) are read, so the ranking adds up exactly what the shown cells hold.
 */
export async function selectTeamSeries(
  sql: Sql,
  scope: { organizationId: string; memberIds: readonly string[] },
  input: { fromDate: string; toDate: string; weeks: readonly string[]; minGroupSize: number; limit: number },
): Promise<TeamSeriesRow[]> {
  if (scope.memberIds.length === 0 || input.weeks.length === 0) return [];
  return sql.unsafe<TeamSeriesRow[]>(
    `WITH occurrences AS (
       SELECT f.member_id, f.iso_week,
              meeting->>'seriesId' AS series_id,
              meeting->>'entryId' AS entry_id,
              (meeting->>'minutes')::int AS minutes,
              (meeting->>'focusCostMinutes')::int AS focus_cost
         FROM member_day_facts f
        CROSS JOIN LATERAL jsonb_array_elements(f.details->'meetings') AS meeting
        WHERE f.organization_id = $1
          AND f.member_id = ANY($2::text[])
          AND f.local_date BETWEEN $3::date AND $4::date
          AND f.iso_week = ANY($5::text[])
          AND f.meeting_count > 0
          AND meeting->>'seriesId' IS NOT NULL
     ), counted_weeks AS (
       SELECT series_id, iso_week
         FROM occurrences
        GROUP BY series_id, iso_week
       HAVING count(DISTINCT member_id) >= $6
     )
     SELECT o.series_id AS "seriesId",
            count(DISTINCT o.member_id)::int AS people,
            count(DISTINCT o.iso_week)::int AS weeks,
            count(DISTINCT o.entry_id)::int AS occurrences,
            sum(o.minutes)::int AS "managerMinutes",
            sum(o.focus_cost)::int AS "focusCostMinutes"
       FROM occurrences o
       JOIN counted_weeks USING (series_id, iso_week)
      GROUP BY o.series_id
      ORDER BY "focusCostMinutes" DESC, "managerMinutes" DESC, o.series_id
      LIMIT $7`,
    [
      scope.organizationId,
      [...scope.memberIds],
      input.fromDate,
      input.toDate,
      [...input.weeks],
      input.minGroupSize,
      input.limit,
    ] as never[],
  );
}

/** The most recent title of each series among the group's entries in [from, to). */
export async function selectSeriesTitles(
  sql: Sql,
  scope: { organizationId: string; memberIds: readonly string[] },
  input: { seriesIds: readonly string[]; from: Date; to: Date },
): Promise<Map<string, string>> {
  if (scope.memberIds.length === 0 || input.seriesIds.length === 0) return new Map();
  const rows = await sql<{ seriesId: string; title: string }[]>`
    SELECT DISTINCT ON (series_id) series_id AS "seriesId", title
      FROM entries
     WHERE organization_id = ${scope.organizationId}
       AND member_id = ANY(${[...scope.memberIds]}::text[])
       AND series_id = ANY(${[...input.seriesIds]}::text[])
       AND title IS NOT NULL
       AND start_at < ${input.to} AND end_at > ${input.from}
     ORDER BY series_id, start_at DESC`;
  return new Map(rows.map((row) => [row.seriesId, row.title]));
}

/** Which members had maker or manager time in which ISO weeks: the contributors of aggregate cells. */
export async function selectWorkedWeeks(
  sql: Sql,
  scope: { organizationId: string; memberIds: readonly string[] },
  range: { fromDate: string; toDate: string },
): Promise<{ memberId: string; week: string }[]> {
  if (scope.memberIds.length === 0) return [];
  return sql<{ memberId: string; week: string }[]>`
    SELECT member_id AS "memberId", iso_week AS week
      FROM member_day_facts
     WHERE organization_id = ${scope.organizationId}
       AND member_id = ANY(${[...scope.memberIds]}::text[])
       AND local_date BETWEEN ${range.fromDate}::date AND ${range.toDate}::date
     GROUP BY member_id, iso_week
    HAVING sum(maker_minutes + manager_minutes) > 0`;
}

/** Manager minutes and meetings of a group by ISO weekday, over the given ISO weeks. */
export async function selectWeekdayLoad(
  sql: Sql,
  scope: { organizationId: string; memberIds: readonly string[] },
  input: { fromDate: string; toDate: string; weeks: readonly string[] },
): Promise<{ weekday: number; managerMinutes: number; meetings: number }[]> {
  if (scope.memberIds.length === 0 || input.weeks.length === 0) return [];
  return sql<{ weekday: number; managerMinutes: number; meetings: number }[]>`
    SELECT extract(isodow FROM local_date)::int AS weekday,
           sum(manager_minutes)::int AS "managerMinutes",
           sum(meeting_count)::int AS meetings
      FROM member_day_facts
     WHERE organization_id = ${scope.organizationId}
       AND member_id = ANY(${[...scope.memberIds]}::text[])
       AND local_date BETWEEN ${input.fromDate}::date AND ${input.toDate}::date
       AND iso_week = ANY(${[...input.weeks]}::text[])
     GROUP BY 1
     ORDER BY 1`;
}

/** What the team and org views read of the organization: its privacy floor, title policy, org thresholds. */
export async function selectOrganizationMetricSettings(
  sql: Sql,
  organizationId: string,
): Promise<{ minGroupSize: number; titlePolicy: string; orgThresholds: unknown } | null> {
  const [row] = await sql<{ minGroupSize: number; titlePolicy: string; orgThresholds: unknown }[]>`
    SELECT o.min_group_size AS "minGroupSize", o.title_policy AS "titlePolicy",
           (SELECT values FROM threshold_settings
             WHERE organization_id = o.id AND scope_key = 'org') AS "orgThresholds"
      FROM organizations o
     WHERE o.id = ${organizationId}`;
  return row ?? null;
}

export interface TeamWithMembers {
  id: string;
  name: string;
  visibility: 'private' | 'open';
  /** In the order they joined. */
  members: { memberId: string; displayName: string }[];
}

/** A team (archived or not) with its members and their display names (settings, else the user's name). */
export async function selectTeamWithMembers(
  sql: Sql,
  scope: { organizationId: string; teamId: string },
): Promise<TeamWithMembers | null> {
  const [team] = await sql<TeamWithMembers[]>`
    SELECT t.id, t.name, t.visibility,
           coalesce((
             SELECT json_agg(json_build_object('memberId', tm.member_id,
                                               'displayName', coalesce(s.display_name, u.name))
                             ORDER BY tm.created_at, tm.id)
               FROM team_members tm
               JOIN members m ON m.organization_id = tm.organization_id AND m.id = tm.member_id
               JOIN users u ON u.id = m.user_id
               LEFT JOIN member_settings s ON s.organization_id = tm.organization_id AND s.member_id = tm.member_id
              WHERE tm.organization_id = t.organization_id AND tm.team_id = t.id
           ), '[]'::json) AS members
      FROM teams t
     WHERE t.organization_id = ${scope.organizationId} AND t.id = ${scope.teamId}`;
  return team ?? null;
}

export interface ActiveTeamRow {
  id: string;
  name: string;
  memberIds: string[];
}

/** Every active team of the organization with its members, by name. */
export async function selectActiveTeams(sql: Sql, organizationId: string): Promise<ActiveTeamRow[]> {
  return sql<ActiveTeamRow[]>`
    SELECT t.id, t.name,
           coalesce(array_agg(tm.member_id ORDER BY tm.created_at, tm.id)
                      FILTER (WHERE tm.member_id IS NOT NULL), '{}') AS "memberIds"
      FROM teams t
      LEFT JOIN team_members tm ON tm.organization_id = t.organization_id AND tm.team_id = t.id
     WHERE t.organization_id = ${organizationId} AND t.archived_at IS NULL
     GROUP BY t.id, t.name
     ORDER BY t.name, t.id`;
}

/**
 * The active teams connected to `teamId` through chains of shared members (not the team itself), with
 * their members, by name: the only teams whose cells can clash with the team's (disjoint groups of
 * enough people never do). Walks team memberships from the team outward, so it reads the team's
 * neighbourhood, not the organization.
 */
export async function selectLinkedTeams(
  sql: Sql,
  scope: { organizationId: string; teamId: string },
): Promise<ActiveTeamRow[]> {
  return sql<ActiveTeamRow[]>`
    WITH RECURSIVE linked(team_id) AS (
      SELECT ${scope.teamId}::text
      UNION
      SELECT other.team_id
        FROM linked
        JOIN team_members mine ON mine.organization_id = ${scope.organizationId} AND mine.team_id = linked.team_id
        JOIN team_members other ON other.organization_id = ${scope.organizationId} AND other.member_id = mine.member_id
        JOIN teams t ON t.organization_id = ${scope.organizationId} AND t.id = other.team_id AND t.archived_at IS NULL
    )
    SELECT t.id, t.name,
           coalesce(array_agg(tm.member_id ORDER BY tm.created_at, tm.id)
                      FILTER (WHERE tm.member_id IS NOT NULL), '{}') AS "memberIds"
      FROM linked
      JOIN teams t ON t.organization_id = ${scope.organizationId} AND t.id = linked.team_id
      LEFT JOIN team_members tm ON tm.organization_id = t.organization_id AND tm.team_id = t.id
     WHERE t.id <> ${scope.teamId} AND t.archived_at IS NULL
     GROUP BY t.id, t.name
     ORDER BY t.name, t.id`;
}
