import { createHash } from 'node:crypto';
import {
  type AggregateCell,
  type GroupAggregate,
  type IsoWeek,
  type OrgMetricsResponse,
  type OrgTeam,
  SIGNAL_CODES,
  type SignalCode,
  type SignalCounts,
  type TeamMetricsResponse,
  type TeamSeries,
  type TeamWeekCell,
  type WeekRangeQuery,
  type WeekSeriesItem,
} from '@tiltmeter/shared';
import { addIsoWeeks, isoWeekBounds, isoWeekIndex } from '../../engine/index.ts';
import { recordAudit } from '../../lib/audit.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { effectiveMinGroupSize } from '../../lib/visibility.ts';
import type { AuthContext } from '../../plugins/auth.ts';
import { visibleIndividualMetrics } from '../visibility/visibility.service.ts';
import { type CellGroup, decideCells, median, teamTooSmallReason } from './aggregate-privacy.ts';
import { cacheKey, deepFreeze, type PersonWeek, type TeamReads } from './metric-cache.ts';
import { type MetricContextRow, orgThresholdsOf, selectMetricContextRows } from './metric-contexts.ts';
import {
  type ActiveTeamRow as ActiveTeam,
  selectActiveTeams,
  selectLinkedTeams,
  selectOrganizationMetricSettings,
  selectSeriesTitles,
  selectTeamSeries,
  selectTeamWithMembers,
  selectWeekAggregates,
  selectWeekdayLoad,
  selectWorkedWeeks,
} from './metrics.sql.ts';
import {
  buildWeekSeries,
  dateRangeOf,
  lookbackWeeks,
  resolveWeekRange,
  type WeekRange,
  weeksBetween,
} from './week-series.ts';
import { type MetricsDeps, opaqueSeriesKey } from './weeks.service.ts';

/**
 * Team and org aggregates. Every member's weeks come from the same series as their own trend (stored
 * day facts, signals with their own thresholds); a cell aggregates the person-weeks of the members
 * who had maker or manager time in it, and is shown only where aggregate-privacy.ts allows. Team and
 * org views use UTC to default the range; each member's week is still their own local ISO week.
 * A member's weeks are computed once per change of their facts or context (metric-cache.ts).
 */

const TOP_SERIES = 10;
/** A team-week is "mostly below target" when more than this share of its person-weeks are. */
const MOSTLY = 0.5;

/** The earlier of two ISO weeks. */
const earliest = (a: IsoWeek, b: IsoWeek) => (isoWeekIndex(a) <= isoWeekIndex(b) ? a : b);

/** Members' weeks over a range: `byMember` holds each member's weeks in the order of `weeks`. */
interface MemberWeeks {
  weeks: IsoWeek[];
  byMember: Map<string, readonly PersonWeek[]>;
  /** Each member's facts version (null: not in the organization). */
  versions: Map<string, number | null>;
}

function personWeekOf(memberId: string, item: WeekSeriesItem): PersonWeek {
  return {
    memberId,
    makerMinutes: item.makerMinutes,
    managerMinutes: item.managerMinutes,
    neutralMinutes: item.neutralMinutes,
    makerShare: item.makerShare,
    deepBlocks: item.deepBlocks,
    target: item.target,
    // A member with two heavy days in a week raised the signal once that week.
    signalCodes: [...new Set(item.signals.map((signal) => signal.code))],
  };
}

/**
 * Every member's weeks over `range`. Signals are exact from `signalsFrom` on (each member's own
 * lookback before it is read); weeks before it only need their minutes and shares, which do not
 * depend on earlier weeks, so no lookback is read for them. Members whose facts and context are
 * unchanged since their weeks were last computed for this range come from the cache; the others are
 * read in one grouped query and computed.
 */
async function loadMemberWeeks(
  deps: MetricsDeps,
  auth: AuthContext,
  rows: ReadonlyMap<string, MetricContextRow>,
  range: WeekRange,
  signalsFrom: IsoWeek = range.from,
): Promise<MemberWeeks> {
  const result: MemberWeeks = {
    weeks: weeksBetween(range.from, range.to),
    byMember: new Map(),
    versions: new Map(),
  };
  const historyFrom = (context: { thresholds: { values: Parameters<typeof lookbackWeeks>[0] } }) =>
    earliest(range.from, addIsoWeeks(signalsFrom, -lookbackWeeks(context.thresholds.values)));
  const missing: { row: MetricContextRow; key: string | null }[] = [];
  for (const [memberId, row] of rows) {
    result.versions.set(memberId, row.factsVersion);
    const key =
      row.factsVersion === null
        ? null
        : cacheKey(
            auth.orgId,
            memberId,
            row.factsVersion,
            row.contextKey,
            historyFrom(row.context),
            range.from,
            range.to,
          );
    const cached = key === null ? undefined : deps.caches.personWeeks.get(key);
    if (cached) result.byMember.set(memberId, cached);
    else missing.push({ row, key });
  }
  if (missing.length === 0) return result;

  const readFrom = missing.map(({ row }) => historyFrom(row.context)).reduce(earliest);
  const aggregates = await selectWeekAggregates(
    deps.sql,
    { organizationId: auth.orgId, memberIds: missing.map(({ row }) => row.context.memberId) },
    dateRangeOf({ from: readFrom, to: range.to }),
  );
  const aggregatesByMember = new Map<string, typeof aggregates>();
  for (const aggregate of aggregates) {
    const list = aggregatesByMember.get(aggregate.memberId) ?? [];
    list.push(aggregate);
    aggregatesByMember.set(aggregate.memberId, list);
  }
  for (const { row, key } of missing) {
    const { context } = row;
    const items = buildWeekSeries(aggregatesByMember.get(context.memberId) ?? [], context, range, {
      historyFrom: historyFrom(context),
    });
    const personWeeks = deepFreeze(items.map((item) => personWeekOf(context.memberId, item)));
    result.byMember.set(context.memberId, personWeeks);
    if (key !== null) deps.caches.personWeeks.set(key, personWeeks);
  }
  return result;
}

const worked = (item: PersonWeek | undefined): item is PersonWeek =>
  item !== undefined && item.makerMinutes + item.managerMinutes > 0;

/** Each member's weeks, for members given in an order that workedAt keeps. */
const weeksOf = (memberIds: readonly string[], weeks: MemberWeeks) =>
  memberIds.map((memberId) => weeks.byMember.get(memberId));

/** The person-weeks with maker or manager time in week number `index`, in the members' order. */
function workedAt(members: readonly (readonly PersonWeek[] | undefined)[], index: number): PersonWeek[] {
  const items: PersonWeek[] = [];
  for (const weeks of members) {
    const item = weeks?.[index];
    if (worked(item)) items.push(item);
  }
  return items;
}

function emptySignalCounts(): SignalCounts {
  return Object.fromEntries(SIGNAL_CODES.map((code) => [code, 0])) as SignalCounts;
}

const fraction = (part: number, whole: number) => (whole > 0 ? part / whole : null);

/** Person-weeks that raised each signal. */
function signalCountsOf(items: readonly PersonWeek[]): SignalCounts {
  const signalCounts = emptySignalCounts();
  for (const item of items) for (const code of item.signalCodes) signalCounts[code]++;
  return signalCounts;
}

/** The cell figures the org view shows, as aggregatePersonWeeks computes them. */
function shareFigures(items: readonly PersonWeek[]) {
  return {
    people: new Set(items.map((item) => item.memberId)).size,
    medianMakerShare: median(items.map((item) => item.makerShare).filter((share) => share !== null)),
    belowTargetShare: fraction(
      items.filter((item) => item.makerShare !== null && item.makerShare < item.target).length,
      items.length,
    ),
  };
}

/** The aggregate of person-weeks (each with maker or manager time). */
export function aggregatePersonWeeks(items: readonly PersonWeek[]): GroupAggregate {
  const makerMinutes = items.reduce((sum, item) => sum + item.makerMinutes, 0);
  const managerMinutes = items.reduce((sum, item) => sum + item.managerMinutes, 0);
  const neutralMinutes = items.reduce((sum, item) => sum + item.neutralMinutes, 0);
  const total = makerMinutes + managerMinutes + neutralMinutes;
  const deepBlocks = items.map((item) => item.deepBlocks);
  const { people, medianMakerShare, belowTargetShare } = shareFigures(items);
  return {
    suppressed: false,
    people,
    personWeeks: items.length,
    distribution: {
      makerMinutes,
      managerMinutes,
      neutralMinutes,
      makerFraction: fraction(makerMinutes, total),
      managerFraction: fraction(managerMinutes, total),
      neutralFraction: fraction(neutralMinutes, total),
    },
    medianMakerShare,
    medianDeepBlocks: median(deepBlocks),
    meanDeepBlocks: items.length > 0 ? deepBlocks.reduce((a, b) => a + b, 0) / items.length : null,
    belowTargetShare,
    signalCounts: signalCountsOf(items),
  };
}

/** The groups of one week for decideCells: each team with its members who worked that week. */
function cellGroups(teams: readonly ActiveTeam[], contributors: (team: ActiveTeam) => ReadonlySet<string>) {
  return teams.map(
    (team): CellGroup => ({
      id: team.id,
      name: team.name,
      teamSize: team.memberIds.length,
      contributors: contributors(team),
    }),
  );
}

// ---------------------------------------------------------------------------------------------
// GET /api/v1/teams/:id/metrics
// ---------------------------------------------------------------------------------------------

export async function getTeamMetrics(
  deps: MetricsDeps,
  auth: AuthContext,
  teamId: string,
  query: WeekRangeQuery,
): Promise<TeamMetricsResponse> {
  // Reads only, side by side: whether the caller may see the team is decided before anything is used.
  // The difference rule compares this team's cells with every active team's, as the org view does.
  // Only teams linked to this one through shared members can change its cells (disjoint groups of
  // enough people never clash), so those are the ones read: the cost follows the team, not the org.
  const [team, organization, linked] = await Promise.all([
    selectTeamWithMembers(deps.sql, { organizationId: auth.orgId, teamId }),
    selectOrganizationMetricSettings(deps.sql, auth.orgId),
    selectLinkedTeams(deps.sql, { organizationId: auth.orgId, teamId }),
  ]);
  if (!team) throw notFound('Team');
  const memberIds = team.members.map((m) => m.memberId);
  if (auth.role === 'member' && !memberIds.includes(auth.memberId)) {
    throw new AppError('forbidden', "A team's metrics are for its members, managers and admins");
  }
  const range = resolveWeekRange(query, 'UTC');
  if (!organization) throw notFound('Organization');
  const minGroupSize = effectiveMinGroupSize(organization.minGroupSize);
  const thisTeam: ActiveTeam = { id: team.id, name: team.name, memberIds };
  const groups = [thisTeam, ...linked];
  const teamMemberIds = new Set(memberIds);
  const others = [...new Set(linked.flatMap((other) => other.memberIds))].filter(
    (memberId) => !teamMemberIds.has(memberId),
  );
  const [contexts, otherWorked, visible] = await Promise.all([
    selectMetricContextRows(deps.sql, auth.orgId, memberIds, deps.caches.contexts),
    selectWorkedWeeks(deps.sql, { organizationId: auth.orgId, memberIds: others }, dateRangeOf(range)),
    visibleIndividualMetrics(deps.db, auth, memberIds),
  ]);
  const memberWeeks = await loadMemberWeeks(deps, auth, contexts, range);
  const otherWorkedByWeek = new Map<string, Set<string>>();
  for (const row of otherWorked) {
    const set = otherWorkedByWeek.get(row.week) ?? new Set<string>();
    set.add(row.memberId);
    otherWorkedByWeek.set(row.week, set);
  }

  const weekCells: TeamWeekCell[] = [];
  const shownItems: PersonWeek[] = [];
  const shownWeeks: string[] = [];
  const members = weeksOf(memberIds, memberWeeks);
  memberWeeks.weeks.forEach((week, index) => {
    const items = workedAt(members, index);
    const teamContributors = new Set(items.map((item) => item.memberId));
    const otherWorkers = otherWorkedByWeek.get(week);
    const decisions = decideCells(
      cellGroups(groups, (group) =>
        group === thisTeam
          ? teamContributors
          : new Set(
              group.memberIds.filter(
                (memberId) => teamContributors.has(memberId) || otherWorkers?.has(memberId),
              ),
            ),
      ),
      minGroupSize,
    );
    const reason = decisions.get(team.id) ?? null;
    if (reason !== null) {
      weekCells.push({ suppressed: true, reason, week });
      return;
    }
    weekCells.push({ ...aggregatePersonWeeks(items), week });
    shownItems.push(...items);
    shownWeeks.push(week);
  });

  const summary: AggregateCell =
    shownItems.length > 0
      ? aggregatePersonWeeks(shownItems)
      : {
          suppressed: true,
          reason:
            memberIds.length < minGroupSize
              ? teamTooSmallReason(memberIds.length, minGroupSize)
              : `No week of the range had at least ${minGroupSize} members with classified time`,
        };

  const titlesShown = organization.titlePolicy === 'show';
  const {
    series: seriesRows,
    weekdays: weekdayRows,
    titles,
  } = await loadTeamReads(deps, auth, {
    memberIds,
    versions: memberWeeks.versions,
    range,
    shownWeeks,
    minGroupSize,
    titlesShown,
  });
  const weekdays =
    shownWeeks.length === 0
      ? []
      : [1, 2, 3, 4, 5, 6, 7].map(
          (weekday) =>
            weekdayRows.find((row) => row.weekday === weekday) ?? { weekday, managerMinutes: 0, meetings: 0 },
        );
  const series: TeamSeries[] = seriesRows.map((row) => ({
    seriesId: titlesShown ? row.seriesId : opaqueSeriesKey(auth.orgId, row.seriesId),
    title: titles.get(row.seriesId) ?? null,
    people: row.people,
    weeks: row.weeks,
    occurrences: row.occurrences,
    managerMinutes: row.managerMinutes,
    focusCostMinutes: row.focusCostMinutes,
  }));

  const shown = team.members.filter((m) => visible.has(m.memberId));
  for (const m of shown) {
    const access = visible.get(m.memberId);
    if (!access || access.reason === 'own') continue;
    await recordAudit(
      deps.db,
      auth,
      'metrics.individual_viewed',
      { type: 'member', id: m.memberId },
      {
        reason: access.reason,
        teamId: 'teamId' in access ? access.teamId : null,
        view: 'team_metrics',
      },
    );
  }
  const omitted = memberIds.length - shown.length;

  return {
    team: { id: team.id, name: team.name, visibility: team.visibility, memberCount: memberIds.length },
    from: range.from,
    to: range.to,
    minGroupSize,
    summary,
    weeks: weekCells,
    weekdays,
    series,
    seriesNote: `Recurring meetings (one-off meetings are left out), counted in a week only when at least ${minGroupSize} members of the team had them that week, and only in weeks whose aggregates are shown. Minutes are person-minutes.${titlesShown ? '' : " Titles are hidden by the organization's title policy."}`,
    individuals: {
      shown: shown.map((m) => {
        const weeks = memberWeeks.byMember.get(m.memberId);
        return {
          memberId: m.memberId,
          displayName: m.displayName,
          access: visible.get(m.memberId)?.reason ?? 'own',
          weeks: memberWeeks.weeks.map((week, index) => {
            const item = weeks?.[index];
            return {
              week,
              makerMinutes: item?.makerMinutes ?? 0,
              managerMinutes: item?.managerMinutes ?? 0,
              makerShare: item?.makerShare ?? null,
              deepBlocks: item?.deepBlocks ?? 0,
              target: item?.target ?? 0,
              signals: [...(item?.signalCodes ?? [])],
            };
          }),
        };
      }),
      omitted,
      omittedReason:
        omitted === 0
          ? null
          : `${omitted} of ${memberIds.length} members are not shown individually: a member's own numbers are visible to the leads of their teams only if they choose to share them, and to their teammates only in an open team`,
    },
  };
}

/**
 * The team's recurring series, their titles and the weekday load over the shown weeks. The series
 * unnest every day's meetings and the titles read the series' entries, so they are kept until a
 * member's facts change (every entry write rebuilds the days it touches, which changes the version).
 */
async function loadTeamReads(
  deps: MetricsDeps,
  auth: AuthContext,
  input: {
    memberIds: readonly string[];
    versions: ReadonlyMap<string, number | null>;
    range: WeekRange;
    shownWeeks: readonly string[];
    minGroupSize: number;
    titlesShown: boolean;
  },
): Promise<TeamReads> {
  const dates = dateRangeOf(input.range);
  const versions = input.memberIds.map((memberId) => input.versions.get(memberId) ?? null);
  const key = versions.includes(null)
    ? null
    : cacheKey(
        auth.orgId,
        input.memberIds.map((memberId, i) => `${memberId}@${versions[i]}`).join(','),
        dates.fromDate,
        dates.toDate,
        input.shownWeeks.join(','),
        input.minGroupSize,
        TOP_SERIES,
        String(input.titlesShown),
      );
  const cached = key === null ? undefined : deps.caches.teamReads.get(key);
  if (cached) return cached;
  const scope = { organizationId: auth.orgId, memberIds: input.memberIds };
  const [series, weekdays] = await Promise.all([
    selectTeamSeries(deps.sql, scope, {
      ...dates,
      weeks: input.shownWeeks,
      minGroupSize: input.minGroupSize,
      limit: TOP_SERIES,
    }),
    selectWeekdayLoad(deps.sql, scope, { ...dates, weeks: input.shownWeeks }),
  ]);
  const titles = input.titlesShown
    ? await selectSeriesTitles(deps.sql, scope, {
        seriesIds: series.map((row) => row.seriesId),
        // Zones differ by at most a day: a margin on both sides covers every member's week.
        from: new Date(isoWeekBounds(input.range.from, 'UTC').start - 86_400_000),
        to: new Date(isoWeekBounds(input.range.to, 'UTC').end + 86_400_000),
      })
    : new Map<string, string>();
  const reads: TeamReads = deepFreeze({ series: [...series], weekdays: [...weekdays], titles });
  if (key !== null) deps.caches.teamReads.set(key, reads);
  return reads;
}

// ---------------------------------------------------------------------------------------------
// GET /api/v1/org/metrics
// ---------------------------------------------------------------------------------------------

export async function getOrgMetrics(
  deps: MetricsDeps,
  auth: AuthContext,
  query: WeekRangeQuery,
): Promise<OrgMetricsResponse> {
  if (auth.role !== 'manager' && auth.role !== 'admin') {
    throw new AppError('forbidden', 'The org view is for managers and admins');
  }
  const range = resolveWeekRange(query, 'UTC');
  const [organization, teams] = await Promise.all([
    selectOrganizationMetricSettings(deps.sql, auth.orgId),
    selectActiveTeams(deps.sql, auth.orgId),
  ]);
  if (!organization) throw notFound('Organization');
  const minGroupSize = effectiveMinGroupSize(organization.minGroupSize);
  const thresholds = orgThresholdsOf(organization.orgThresholds);
  // The team streak needs the weeks before the range too (a week off or a suppressed week carries it).
  const history: WeekRange = {
    from: addIsoWeeks(range.from, -Math.max(52, 2 * thresholds.burnoutWeeks)),
    to: range.to,
  };
  const memberIds = [...new Set(teams.flatMap((team) => team.memberIds))];
  const contexts = await selectMetricContextRows(deps.sql, auth.orgId, memberIds, deps.caches.contexts);
  // The view is a function of the teams, the settings and every member's facts and context: while
  // none of them changes, it is the one computed last time (for any manager or admin asking).
  const members = [...contexts.values()];
  const key = members.some((row) => row.factsVersion === null)
    ? null
    : createHash('sha256')
        .update(
          JSON.stringify([
            auth.orgId,
            range,
            minGroupSize,
            thresholds,
            teams,
            members.map((row) => [row.context.memberId, row.factsVersion, row.contextKey]),
          ]),
        )
        .digest('base64');
  const cached = key === null ? undefined : deps.caches.orgViews.get(key);
  if (cached) return cached;
  // Signals count only in the range (prevalence); the history weeks before it need shares only.
  const memberWeeks = await loadMemberWeeks(deps, auth, contexts, history, range.from);
  const view = deepFreeze(orgView(teams, memberWeeks, { range, history, minGroupSize, thresholds }));
  if (key !== null) deps.caches.orgViews.set(key, view);
  return view;
}

/** The org view from every member's weeks over `history` (the range and the streak's weeks before it). */
function orgView(
  teams: readonly ActiveTeam[],
  memberWeeks: MemberWeeks,
  input: {
    range: WeekRange;
    history: WeekRange;
    minGroupSize: number;
    thresholds: ReturnType<typeof orgThresholdsOf>;
  },
): OrgMetricsResponse {
  const { range, history, minGroupSize, thresholds } = input;
  const firstShownIndex = weeksBetween(history.from, range.from).length - 1;
  const perTeam = teams.map(() => ({
    cells: [] as OrgTeam['weeks'],
    shownItems: [] as PersonWeek[],
    streak: 0,
  }));
  const members = teams.map((team) => weeksOf(team.memberIds, memberWeeks));
  memberWeeks.weeks.forEach((week, index) => {
    const items = members.map((teamMembers) => workedAt(teamMembers, index));
    const contributors = new Map(
      teams.map((team, t) => [team, new Set((items[t] as PersonWeek[]).map((item) => item.memberId))]),
    );
    const decisions = decideCells(
      cellGroups(teams, (team) => contributors.get(team) as Set<string>),
      minGroupSize,
    );
    teams.forEach((team, t) => {
      const state = perTeam[t];
      const teamItems = items[t];
      if (!state || !teamItems) return;
      const reason = decisions.get(team.id) ?? null;
      const figures = reason === null ? shareFigures(teamItems) : null;
      if (figures && figures.belowTargetShare !== null) {
        state.streak = figures.belowTargetShare > MOSTLY ? state.streak + 1 : 0;
      }
      if (index < firstShownIndex) return;
      if (figures) {
        state.cells.push({ week, suppressed: false, ...figures });
        state.shownItems.push(...teamItems);
      } else {
        state.cells.push({ suppressed: true, reason: reason as string, week });
      }
    });
  });

  const result: OrgTeam[] = teams.map((team, t) => {
    const state = perTeam[t] ?? { cells: [], shownItems: [], streak: 0 };
    const personWeeks = state.shownItems.length;
    const signalCounts = personWeeks > 0 ? signalCountsOf(state.shownItems) : null;
    const pattern =
      state.streak >= thresholds.burnoutWeeks
        ? 'burnout_pattern'
        : state.streak >= thresholds.sustainedTiltWeeks
          ? 'sustained_tilt'
          : null;
    return {
      id: team.id,
      name: team.name,
      memberCount: team.memberIds.length,
      weeks: state.cells,
      prevalence: signalCounts
        ? {
            personWeeks,
            shares: Object.fromEntries(
              SIGNAL_CODES.map((code) => [code, signalCounts[code] / personWeeks]),
            ) as Record<SignalCode, number>,
          }
        : null,
      tilt: { weeksMostlyBelowTarget: state.streak, pattern },
    };
  });

  return {
    from: range.from,
    to: range.to,
    minGroupSize,
    sustainedTiltWeeks: thresholds.sustainedTiltWeeks,
    burnoutWeeks: thresholds.burnoutWeeks,
    teams: result,
    burnoutTeams: result
      .filter((team) => team.tilt.pattern === 'burnout_pattern')
      .map((team) => ({
        id: team.id,
        name: team.name,
        weeksMostlyBelowTarget: team.tilt.weeksMostlyBelowTarget,
      })),
  };
}
