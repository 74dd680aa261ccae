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
import type { AuthContext } from '../../plugins/auth.ts';
import { loadMinGroupSize, visibleIndividualMetrics } from '../visibility/visibility.service.ts';
import { type CellGroup, decideCells, median, teamTooSmallReason } from './aggregate-privacy.ts';
import { loadOrgThresholds, selectMetricContexts } from './metric-contexts.ts';
import {
  selectSeriesTitles,
  selectTeamSeries,
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
 */

const TOP_SERIES = 10;
/** A team-week is "mostly below target" when more than this share of its person-weeks are. */
const MOSTLY = 0.5;

interface ActiveTeam {
  id: string;
  name: string;
  memberIds: string[];
}

async function loadActiveTeams(deps: MetricsDeps): Promise<ActiveTeam[]> {
  const teams = await deps.db.team.findMany({
    where: { archivedAt: null },
    select: { id: true, name: true, members: { select: { memberId: true } } },
    orderBy: { name: 'asc' },
  });
  return teams.map((team) => ({
    id: team.id,
    name: team.name,
    memberIds: team.members.map((m) => m.memberId),
  }));
}

/** The earlier of two ISO weeks. */
const earliest = (a: IsoWeek, b: IsoWeek) => (isoWeekIndex(a) <= isoWeekIndex(b) ? a : b);

/**
 * Every member's series over `range`, keyed by member then week. Signals are exact from `signalsFrom`
 * on (each member's own lookback before it is read); weeks before it only need their minutes and
 * shares, which do not depend on earlier weeks, so no lookback is read for them.
 */
async function loadMemberWeeks(
  deps: MetricsDeps,
  auth: AuthContext,
  memberIds: readonly string[],
  range: WeekRange,
  signalsFrom: IsoWeek = range.from,
): Promise<Map<string, Map<string, WeekSeriesItem>>> {
  const contexts = await selectMetricContexts(deps.sql, auth.orgId, memberIds);
  if (contexts.size === 0) return new Map();
  const historyFrom = (context: { thresholds: { values: Parameters<typeof lookbackWeeks>[0] } }) =>
    earliest(range.from, addIsoWeeks(signalsFrom, -lookbackWeeks(context.thresholds.values)));
  const readFrom = [...contexts.values()].map(historyFrom).reduce(earliest);
  const rows = await selectWeekAggregates(
    deps.sql,
    { organizationId: auth.orgId, memberIds: [...contexts.keys()] },
    dateRangeOf({ from: readFrom, to: range.to }),
  );
  const rowsByMember = new Map<string, typeof rows>();
  for (const row of rows) {
    const list = rowsByMember.get(row.memberId) ?? [];
    list.push(row);
    rowsByMember.set(row.memberId, list);
  }
  const byMember = new Map<string, Map<string, WeekSeriesItem>>();
  for (const [memberId, context] of contexts) {
    const items = buildWeekSeries(rowsByMember.get(memberId) ?? [], context, range, {
      historyFrom: historyFrom(context),
    });
    byMember.set(memberId, new Map(items.map((item) => [item.week, item])));
  }
  return byMember;
}

/** The teams connected to `start` through chains of shared members (not `start` itself). */
function linkedTeams(start: ActiveTeam, teams: readonly ActiveTeam[]): ActiveTeam[] {
  const byMember = new Map<string, ActiveTeam[]>();
  for (const team of teams) {
    for (const memberId of team.memberIds) {
      const list = byMember.get(memberId);
      if (list) list.push(team);
      else byMember.set(memberId, [team]);
    }
  }
  const linked = new Set<ActiveTeam>();
  const queue = [start];
  for (let team = queue.shift(); team; team = queue.shift()) {
    for (const memberId of team.memberIds) {
      for (const other of byMember.get(memberId) ?? []) {
        if (linked.has(other)) continue;
        linked.add(other);
        queue.push(other);
      }
    }
  }
  // In the order given (by name), as the decision's tie-breaks and messages expect.
  return teams.filter((team) => linked.has(team));
}

const worked = (item: WeekSeriesItem | undefined): item is WeekSeriesItem =>
  item !== undefined && item.makerMinutes + item.managerMinutes > 0;

function contributorsOf(
  memberIds: readonly string[],
  week: string,
  weeks: Map<string, Map<string, WeekSeriesItem>>,
) {
  return new Set(memberIds.filter((memberId) => worked(weeks.get(memberId)?.get(week))));
}

function emptySignalCounts(): SignalCounts {
  return Object.fromEntries(SIGNAL_CODES.map((code) => [code, 0])) as SignalCounts;
}

const fraction = (part: number, whole: number) => (whole > 0 ? part / whole : null);

/** One member's week, tagged with the member so an aggregate can count distinct people. */
type PersonWeek = WeekSeriesItem & { memberId: string };

/** The aggregate of person-weeks (each with maker or manager time). */
export function aggregatePersonWeeks(items: readonly PersonWeek[]): GroupAggregate {
  const makerMinutes = items.reduce((sum, item) => sum + item.makerMinutes, 0);
  const managerMinutes = items.reduce((sum, item) => sum + item.managerMinutes, 0);
  const neutralMinutes = items.reduce((sum, item) => sum + item.neutralMinutes, 0);
  const total = makerMinutes + managerMinutes + neutralMinutes;
  const signalCounts = emptySignalCounts();
  for (const item of items) {
    for (const code of new Set(item.signals.map((signal) => signal.code))) signalCounts[code]++;
  }
  const deepBlocks = items.map((item) => item.deepBlocks);
  return {
    suppressed: false,
    people: new Set(items.map((item) => item.memberId)).size,
    personWeeks: items.length,
    distribution: {
      makerMinutes,
      managerMinutes,
      neutralMinutes,
      makerFraction: fraction(makerMinutes, total),
      managerFraction: fraction(managerMinutes, total),
      neutralFraction: fraction(neutralMinutes, total),
    },
    medianMakerShare: median(items.map((item) => item.makerShare).filter((share) => share !== null)),
    medianDeepBlocks: median(deepBlocks),
    meanDeepBlocks: items.length > 0 ? deepBlocks.reduce((a, b) => a + b, 0) / items.length : null,
    belowTargetShare: fraction(
      items.filter((item) => item.makerShare !== null && item.makerShare < item.target).length,
      items.length,
    ),
    signalCounts,
  };
}

function personWeeksOf(
  memberIds: Iterable<string>,
  week: string,
  weeks: Map<string, Map<string, WeekSeriesItem>>,
): PersonWeek[] {
  const items: PersonWeek[] = [];
  for (const memberId of memberIds) {
    const item = weeks.get(memberId)?.get(week);
    if (worked(item)) items.push({ ...item, memberId });
  }
  return items;
}

/**
 * The cells of one week for every group: decided together (aggregate-privacy.ts), then aggregated
 * where shown.
 */
function cellsOfWeek(
  week: IsoWeek,
  teams: readonly ActiveTeam[],
  weeks: Map<string, Map<string, WeekSeriesItem>>,
  contributorsByTeam: (team: ActiveTeam) => ReadonlySet<string>,
  minGroupSize: number,
): Map<string, { cell: AggregateCell; items: PersonWeek[] }> {
  const groups: CellGroup[] = teams.map((team) => ({
    id: team.id,
    name: team.name,
    teamSize: team.memberIds.length,
    contributors: contributorsByTeam(team),
  }));
  const decisions = decideCells(groups, minGroupSize);
  const cells = new Map<string, { cell: AggregateCell; items: PersonWeek[] }>();
  for (const team of teams) {
    const reason = decisions.get(team.id) ?? null;
    if (reason !== null) {
      cells.set(team.id, { cell: { suppressed: true, reason }, items: [] });
      continue;
    }
    const items = personWeeksOf(contributorsByTeam(team), week, weeks);
    cells.set(team.id, { cell: aggregatePersonWeeks(items), items });
  }
  return cells;
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
  const team = await deps.db.team.findUnique({
    where: { id: teamId },
    select: {
      id: true,
      name: true,
      visibility: true,
      archivedAt: true,
      members: {
        select: {
          memberId: true,
          member: {
            select: { user: { select: { name: true } }, settings: { select: { displayName: true } } },
          },
        },
        orderBy: { createdAt: 'asc' },
      },
    },
  });
  if (!team) throw notFound('Team');
  const memberIds = team.members.map((m) => m.memberId);
  if (auth.role === 'member' && !memberIds.includes(auth.memberId)) {
    throw new AppError('forbidden', "A team's metrics are for its members, managers and admins");
  }
  const range = resolveWeekRange(query, 'UTC');
  const [minGroupSize, organization, activeTeams] = await Promise.all([
    loadMinGroupSize(deps.db, auth),
    deps.db.organization.findUniqueOrThrow({ where: { id: auth.orgId }, select: { titlePolicy: true } }),
    loadActiveTeams(deps),
  ]);
  const thisTeam: ActiveTeam = { id: team.id, name: team.name, memberIds };
  // The difference rule compares this team's cells with every active team's, as the org view does.
  // Only teams linked to this one through shared members can change its cells (disjoint groups of
  // enough people never clash), so those are the ones read: the cost follows the team, not the org.
  const groups = [
    thisTeam,
    ...linkedTeams(
      thisTeam,
      activeTeams.filter((other) => other.id !== team.id),
    ),
  ];
  const others = [...new Set(groups.slice(1).flatMap((other) => other.memberIds))].filter(
    (memberId) => !memberIds.includes(memberId),
  );
  const [memberWeeks, otherWorked] = await Promise.all([
    loadMemberWeeks(deps, auth, memberIds, range),
    selectWorkedWeeks(deps.sql, { organizationId: auth.orgId, memberIds: others }, dateRangeOf(range)),
  ]);
  const otherWorkedByWeek = new Map<string, Set<string>>();
  for (const row of otherWorked) {
    const set = otherWorkedByWeek.get(row.week) ?? new Set<string>();
    set.add(row.memberId);
    otherWorkedByWeek.set(row.week, set);
  }

  const weekCells: TeamWeekCell[] = [];
  const shownItems: PersonWeek[] = [];
  const shownWeeks: string[] = [];
  for (const week of weeksBetween(range.from, range.to)) {
    const teamContributors = contributorsOf(memberIds, week, memberWeeks);
    const cells = cellsOfWeek(
      week,
      groups,
      memberWeeks,
      (group) =>
        group.id === team.id
          ? teamContributors
          : new Set(
              group.memberIds.filter(
                (memberId) => teamContributors.has(memberId) || otherWorkedByWeek.get(week)?.has(memberId),
              ),
            ),
      minGroupSize,
    );
    const own = cells.get(team.id);
    if (!own) continue;
    weekCells.push({ week, ...own.cell });
    if (!own.cell.suppressed) {
      shownItems.push(...own.items);
      shownWeeks.push(week);
    }
  }

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
  const [seriesRows, weekdayRows] = await Promise.all([
    selectTeamSeries(
      deps.sql,
      { organizationId: auth.orgId, memberIds },
      { ...dateRangeOf(range), weeks: shownWeeks, minGroupSize, limit: TOP_SERIES },
    ),
    selectWeekdayLoad(
      deps.sql,
      { organizationId: auth.orgId, memberIds },
      { ...dateRangeOf(range), weeks: shownWeeks },
    ),
  ]);
  const weekdays =
    shownWeeks.length === 0
      ? []
      : [1, 2, 3, 4, 5, 6, 7].map(
          (weekday) =>
            weekdayRows.find((row) => row.weekday === weekday) ?? { weekday, managerMinutes: 0, meetings: 0 },
        );
  const titles = titlesShown
    ? await selectSeriesTitles(
        deps.sql,
        { organizationId: auth.orgId, memberIds },
        {
          seriesIds: seriesRows.map((row) => row.seriesId),
          // Zones differ by at most a day: a margin on both sides covers every member's week.
          from: new Date(isoWeekBounds(range.from, 'UTC').start - 86_400_000),
          to: new Date(isoWeekBounds(range.to, 'UTC').end + 86_400_000),
        },
      )
    : new Map<string, string>();
  const series: TeamSeries[] = seriesRows.map((row) => ({
    ...row,
    seriesId: titlesShown ? row.seriesId : opaqueSeriesKey(auth.orgId, row.seriesId),
    title: titles.get(row.seriesId) ?? null,
  }));

  const visible = await visibleIndividualMetrics(deps.db, auth, memberIds);
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
      shown: shown.map((m) => ({
        memberId: m.memberId,
        displayName: m.member.settings?.displayName ?? m.member.user.name,
        access: visible.get(m.memberId)?.reason ?? 'own',
        weeks: weeksBetween(range.from, range.to).map((week) => {
          const item = memberWeeks.get(m.memberId)?.get(week);
          return {
            week,
            makerMinutes: item?.makerMinutes ?? 0,
            managerMinutes: item?.managerMinutes ?? 0,
            makerShare: item?.makerShare ?? null,
            deepBlocks: item?.deepBlocks ?? 0,
            target: item?.target ?? 0,
            signals: [...new Set((item?.signals ?? []).map((signal) => signal.code))] as SignalCode[],
          };
        }),
      })),
      omitted,
      omittedReason:
        omitted === 0
          ? null
          : `${omitted} of ${memberIds.length} members are not shown individually: a member's own numbers are visible to the leads of their teams only if they choose to share them, and to their teammates only in an open team`,
    },
  };
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
  const [minGroupSize, thresholds, teams] = await Promise.all([
    loadMinGroupSize(deps.db, auth),
    loadOrgThresholds(deps.db),
    loadActiveTeams(deps),
  ]);
  // The team streak needs the weeks before the range too (a week off or a suppressed week carries it).
  const history: WeekRange = {
    from: addIsoWeeks(range.from, -Math.max(52, 2 * thresholds.burnoutWeeks)),
    to: range.to,
  };
  const memberIds = [...new Set(teams.flatMap((team) => team.memberIds))];
  // Signals count only in the range (prevalence); the history weeks before it need shares only.
  const memberWeeks = await loadMemberWeeks(deps, auth, memberIds, history, range.from);

  const firstShownIndex = weeksBetween(history.from, range.from).length - 1;
  const perTeam = new Map(
    teams.map((team) => [
      team.id,
      { cells: [] as OrgTeam['weeks'], shownItems: [] as PersonWeek[], streak: 0 },
    ]),
  );
  weeksBetween(history.from, history.to).forEach((week, index) => {
    const cells = cellsOfWeek(
      week,
      teams,
      memberWeeks,
      (team) => contributorsOf(team.memberIds, week, memberWeeks),
      minGroupSize,
    );
    for (const team of teams) {
      const state = perTeam.get(team.id);
      const entry = cells.get(team.id);
      if (!state || !entry) continue;
      const { cell, items } = entry;
      if (!cell.suppressed && cell.belowTargetShare !== null) {
        state.streak = cell.belowTargetShare > MOSTLY ? state.streak + 1 : 0;
      }
      if (index < firstShownIndex) continue;
      state.cells.push(
        cell.suppressed
          ? { week, suppressed: true, reason: cell.reason }
          : {
              week,
              suppressed: false,
              people: cell.people,
              medianMakerShare: cell.medianMakerShare,
              belowTargetShare: cell.belowTargetShare,
            },
      );
      state.shownItems.push(...items);
    }
  });

  const result: OrgTeam[] = teams.map((team) => {
    const state = perTeam.get(team.id) ?? { cells: [], shownItems: [], streak: 0 };
    const aggregate = state.shownItems.length > 0 ? aggregatePersonWeeks(state.shownItems) : null;
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
      prevalence: aggregate
        ? {
            personWeeks: aggregate.personWeeks,
            shares: Object.fromEntries(
              SIGNAL_CODES.map((code) => [code, aggregate.signalCounts[code] / aggregate.personWeeks]),
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
