import { z } from 'zod';
import { IdParamsSchema } from './accounts.ts';
import { CategorySchema, ManagerSubtypeSchema } from './entries.ts';
import {
  DayDetailSchema,
  IsoWeekSchema,
  ManagerMinutesBySubtypeSchema,
  ResolvedThresholdsSchema,
  RoleProfileSchema,
  SeriesFocusCostSchema,
  SIGNAL_CODES,
  type SignalCode,
  WeekMetricsSchema,
} from './metrics.ts';

/**
 * Contracts of the metrics API: a member's weekly series and a week by day (their own, or another
 * member's where the privacy rules allow), a team's aggregates for retros, and the org view.
 *
 * Privacy, as the responses express it:
 * - Another member's metrics are served only where lib/visibility.ts allows (their consent to share
 *   with team leads, or an open team); every such view is audited. Titles of other members' entries
 *   are never served, and their series ids are replaced by opaque keys.
 * - Aggregates are cells over groups; a cell over fewer than the organization's minimum group size
 *   (never below 5) of members with classified time is `{ suppressed: true, reason }`, and so is a
 *   cell that differs from another team's cell of the same week by fewer members than that (a
 *   subtraction would isolate them). Totals over a range only add up cells that are shown.
 */

// ---------------------------------------------------------------------------------------------
// ISO weeks as query values
// ---------------------------------------------------------------------------------------------

/** The longest range of weeks one request may ask for (two years). */
export const MAX_WEEK_RANGE = 104;
/** Weeks served when `from` is not given: the half year ending with `to`. */
export const DEFAULT_WEEK_RANGE = 26;

const DAY_MS = 86_400_000;

/** Day number (days since 1970-01-01) of the Monday of ISO week 1 of a year: the week of 4 January. */
function mondayOfWeekOne(year: number): number {
  const jan4 = Date.UTC(year, 0, 4) / DAY_MS;
  const weekday = (((jan4 + 3) % 7) + 7) % 7; // 0 = Monday
  return jan4 - weekday;
}

function parseWeek(week: string): { year: number; week: number } | null {
  const match = /^(\d{4})-W(\d{2})$/.exec(week);
  if (!match) return null;
  return { year: Number(match[1]), week: Number(match[2]) };
}

/** Whether an ISO week string names a week that exists (2026-W53 does, 2025-W53 does not). */
export function isoWeekExists(week: string): boolean {
  const parsed = parseWeek(week);
  if (!parsed || parsed.week < 1) return false;
  const weeksInYear = (mondayOfWeekOne(parsed.year + 1) - mondayOfWeekOne(parsed.year)) / 7;
  return parsed.week <= weeksInYear;
}

/** A monotonic number of an existing ISO week, so ranges can be measured; NaN for a malformed one. */
export function isoWeekOrdinal(week: string): number {
  const parsed = parseWeek(week);
  if (!parsed) return Number.NaN;
  return (mondayOfWeekOne(parsed.year) + (parsed.week - 1) * 7 + 3) / 7;
}

export const ExistingIsoWeekSchema = IsoWeekSchema.refine(isoWeekExists, {
  message: 'no such ISO week (that year has 52 weeks)',
});

/**
 * What is wrong with a range of weeks, or null: `to` before `from`, or more than MAX_WEEK_RANGE weeks.
 * The server checks the range again after filling in defaults.
 */
export function weekRangeProblem(from: string, to: string): { path: 'from' | 'to'; message: string } | null {
  const span = isoWeekOrdinal(to) - isoWeekOrdinal(from) + 1;
  if (span < 1) return { path: 'to', message: `must not be before from (${from})` };
  if (span > MAX_WEEK_RANGE) {
    return {
      path: 'to',
      message: `the range may span at most ${MAX_WEEK_RANGE} weeks; ${from} to ${to} is ${span}`,
    };
  }
  return null;
}

/**
 * `?from=2026-W01&to=2026-W20`, both inclusive. `to` defaults to the current week (in the member's
 * time zone; UTC for team and org views), `from` to the 26 weeks ending with `to`.
 */
export const WeekRangeQuerySchema = z
  .object({ from: ExistingIsoWeekSchema.optional(), to: ExistingIsoWeekSchema.optional() })
  .superRefine((value, context) => {
    if (!value.from || !value.to) return;
    const problem = weekRangeProblem(value.from, value.to);
    if (problem) context.addIssue({ code: 'custom', path: [problem.path], message: problem.message });
  });
export type WeekRangeQuery = z.infer<typeof WeekRangeQuerySchema>;

export const WeekParamsSchema = z.object({ week: ExistingIsoWeekSchema });
export const MemberWeekParamsSchema = z.object({ id: z.string().min(1), week: ExistingIsoWeekSchema });

// ---------------------------------------------------------------------------------------------
// One member's weeks
// ---------------------------------------------------------------------------------------------

export const DriftSchema = z.object({
  /** Maker share of the 4 weeks ending with this one (pooled minutes). */
  rollingShare: z.number().min(0).max(1),
  /** Maker share of the 12 weeks before those. */
  baselineShare: z.number().min(0).max(1),
  /** rolling minus baseline in percentage points; negative is a tilt toward manager work. */
  points: z.number(),
});
export type DriftValue = z.infer<typeof DriftSchema>;

/** One week of a member: the public week contract plus what the trend chart needs. */
export const WeekSeriesItemSchema = WeekMetricsSchema.extend({
  /** Null until there are 4 worked weeks of baseline. */
  drift: DriftSchema.nullable(),
  /** Consecutive weeks below target ending with this one; a week off carries the streak it found. */
  belowTargetStreak: z.int().min(0),
  /** Deep time the week's manager entries destroyed beyond their own duration. */
  focusCostMinutes: z.int().min(0),
  managerBySubtype: ManagerMinutesBySubtypeSchema,
});
export type WeekSeriesItem = z.infer<typeof WeekSeriesItemSchema>;

export const WeekSeriesResponseSchema = z.object({
  memberId: z.string(),
  timeZone: z.string(),
  profile: RoleProfileSchema,
  /** The thresholds the signals were measured against, each with where it was set. */
  thresholds: ResolvedThresholdsSchema,
  from: IsoWeekSchema,
  to: IsoWeekSchema,
  /** Every week of the range, oldest first; a week without entries has zeros and no signals. */
  items: z.array(WeekSeriesItemSchema),
});
export type WeekSeriesResponse = z.infer<typeof WeekSeriesResponseSchema>;

/** An entry of the week as its owner sees it in the calendar (only ever served to its owner). */
export const WeekEntrySchema = z.object({
  id: z.string(),
  title: z.string().nullable(),
  start: z.iso.datetime(),
  end: z.iso.datetime(),
  category: CategorySchema,
  subtype: ManagerSubtypeSchema.nullable(),
  reason: z.string(),
  seriesId: z.string().nullable(),
  overridden: z.boolean(),
});
export type WeekEntry = z.infer<typeof WeekEntrySchema>;

export const TitledSeriesFocusCostSchema = SeriesFocusCostSchema.extend({
  /** The latest occurrence's title; null when titles are not shown. */
  title: z.string().nullable(),
});
export type TitledSeriesFocusCost = z.infer<typeof TitledSeriesFocusCostSchema>;

/**
 * A week by day: each day's facts (maker blocks, capacity blocks, every manager entry with its focus
 * cost) and resolved timeline, the week's recurring series ranked by focus cost, and the week's metrics
 * with signals. Another member's week comes without titles, reasons or entries, and with opaque
 * series ids.
 */
export const WeekDetailResponseSchema = z.object({
  memberId: z.string(),
  week: IsoWeekSchema,
  timeZone: z.string(),
  days: z.array(DayDetailSchema),
  series: z.array(TitledSeriesFocusCostSchema),
  metrics: WeekSeriesItemSchema,
  /** The owner's entries of the week (all categories, with reasons); empty for another member. */
  entries: z.array(WeekEntrySchema),
  titlesShown: z.boolean(),
});
export type WeekDetailResponse = z.infer<typeof WeekDetailResponseSchema>;

// ---------------------------------------------------------------------------------------------
// Aggregates: cells that are shown or suppressed
// ---------------------------------------------------------------------------------------------

const signalCountShape = Object.fromEntries(SIGNAL_CODES.map((code) => [code, z.int().min(0)])) as Record<
  SignalCode,
  z.ZodInt
>;
/** Person-weeks that raised each signal (a member with two heavy days in a week counts once). */
export const SignalCountsSchema = z.object(signalCountShape);
export type SignalCounts = z.infer<typeof SignalCountsSchema>;

export const SuppressedCellSchema = z.object({
  suppressed: z.literal(true),
  /** Why, in words (too few members with data, or too close to another group). */
  reason: z.string(),
});

export const DistributionSchema = z.object({
  makerMinutes: z.int().min(0),
  managerMinutes: z.int().min(0),
  neutralMinutes: z.int().min(0),
  /** Each as a fraction of maker + manager + neutral minutes; null when there are none. */
  makerFraction: z.number().min(0).max(1).nullable(),
  managerFraction: z.number().min(0).max(1).nullable(),
  neutralFraction: z.number().min(0).max(1).nullable(),
});
export type Distribution = z.infer<typeof DistributionSchema>;

/** The aggregate of a group over person-weeks (a member's week with maker or manager time). */
export const GroupAggregateSchema = z.object({
  suppressed: z.literal(false),
  /** Distinct members with maker or manager time in the cell. */
  people: z.int().min(0),
  personWeeks: z.int().min(0),
  distribution: DistributionSchema,
  medianMakerShare: z.number().min(0).max(1).nullable(),
  medianDeepBlocks: z.number().min(0).nullable(),
  meanDeepBlocks: z.number().min(0).nullable(),
  /** Share of person-weeks below the member's own target maker share. */
  belowTargetShare: z.number().min(0).max(1).nullable(),
  signalCounts: SignalCountsSchema,
});
export type GroupAggregate = z.infer<typeof GroupAggregateSchema>;

export const AggregateCellSchema = z.discriminatedUnion('suppressed', [
  GroupAggregateSchema,
  SuppressedCellSchema,
]);
export type AggregateCell = z.infer<typeof AggregateCellSchema>;

export const TeamWeekCellSchema = z.discriminatedUnion('suppressed', [
  GroupAggregateSchema.extend({ week: IsoWeekSchema }),
  SuppressedCellSchema.extend({ week: IsoWeekSchema }),
]);
export type TeamWeekCell = z.infer<typeof TeamWeekCellSchema>;

// ---------------------------------------------------------------------------------------------
// GET /api/v1/teams/:id/metrics
// ---------------------------------------------------------------------------------------------

export const TeamSeriesSchema = z.object({
  /** The series id when titles are shown in team views, otherwise an opaque key. */
  seriesId: z.string(),
  /** Only when the organization's title policy is `show`. */
  title: z.string().nullable(),
  /** Distinct team members who had the series in the weeks counted. */
  people: z.int().min(0),
  /** Weeks counted (a week counts when at least the minimum group size of members had the series). */
  weeks: z.int().min(0),
  /** Occurrences summed over people (each attendee's calendar entry counts). */
  occurrences: z.int().min(0),
  /** Person-minutes of manager time. */
  managerMinutes: z.int().min(0),
  /** Person-minutes of deep time destroyed beyond the meetings' own duration. */
  focusCostMinutes: z.int().min(0),
});
export type TeamSeries = z.infer<typeof TeamSeriesSchema>;

export const IndividualWeekSchema = z.object({
  week: IsoWeekSchema,
  makerMinutes: z.int().min(0),
  managerMinutes: z.int().min(0),
  makerShare: z.number().min(0).max(1).nullable(),
  deepBlocks: z.int().min(0),
  target: z.number().min(0).max(1),
  signals: z.array(z.enum(SIGNAL_CODES)),
});

export const IndividualSeriesSchema = z.object({
  memberId: z.string(),
  displayName: z.string(),
  /** Why the viewer may see this member: it is them, they share with team leads, or an open team. */
  access: z.enum(['own', 'shared_with_lead', 'open_team']),
  weeks: z.array(IndividualWeekSchema),
});
export type IndividualSeries = z.infer<typeof IndividualSeriesSchema>;

export const WeekdayLoadSchema = z.object({
  /** ISO weekday, 1 = Monday. */
  weekday: z.int().min(1).max(7),
  /** Person-minutes of manager time on this weekday. */
  managerMinutes: z.int().min(0),
  /** Manager entries on this weekday, summed over people. */
  meetings: z.int().min(0),
});
export type WeekdayLoad = z.infer<typeof WeekdayLoadSchema>;

export const TeamMetricsResponseSchema = z.object({
  team: z.object({
    id: z.string(),
    name: z.string(),
    visibility: z.enum(['private', 'open']),
    memberCount: z.int().min(0),
  }),
  from: IsoWeekSchema,
  to: IsoWeekSchema,
  minGroupSize: z.int().min(5),
  /** The whole range, adding up the weeks that are shown. */
  summary: AggregateCellSchema,
  weeks: z.array(TeamWeekCellSchema),
  /**
   * Manager time by weekday over the shown weeks, Monday first ("did we keep our no-meeting
   * Wednesday?": its row reads 0); empty when no week is shown.
   */
  weekdays: z.array(WeekdayLoadSchema),
  /** Recurring meetings ranked by the focus they cost the team, most costly first (at most 10). */
  series: z.array(TeamSeriesSchema),
  /** How series are chosen and what is left out, in words. */
  seriesNote: z.string(),
  /** Small multiples of the members whose individual metrics the viewer may see. */
  individuals: z.object({
    shown: z.array(IndividualSeriesSchema),
    /** Members left out, and why. */
    omitted: z.int().min(0),
    omittedReason: z.string().nullable(),
  }),
});
export type TeamMetricsResponse = z.infer<typeof TeamMetricsResponseSchema>;

// ---------------------------------------------------------------------------------------------
// GET /api/v1/org/metrics
// ---------------------------------------------------------------------------------------------

export const TEAM_TILT_PATTERNS = ['burnout_pattern', 'sustained_tilt'] as const;

export const OrgTeamWeekCellSchema = z.discriminatedUnion('suppressed', [
  z.object({
    week: IsoWeekSchema,
    suppressed: z.literal(false),
    people: z.int().min(0),
    medianMakerShare: z.number().min(0).max(1).nullable(),
    belowTargetShare: z.number().min(0).max(1).nullable(),
  }),
  SuppressedCellSchema.extend({ week: IsoWeekSchema }),
]);
export type OrgTeamWeekCell = z.infer<typeof OrgTeamWeekCellSchema>;

export const SignalPrevalenceSchema = z.object({
  /** Person-weeks counted (of the weeks shown). */
  personWeeks: z.int().min(0),
  /** Per signal: the fraction of person-weeks that raised it. */
  shares: z.object(
    Object.fromEntries(SIGNAL_CODES.map((code) => [code, z.number().min(0).max(1)])) as Record<
      SignalCode,
      z.ZodNumber
    >,
  ),
});
export type SignalPrevalence = z.infer<typeof SignalPrevalenceSchema>;

export const TeamTiltSchema = z.object({
  /**
   * Consecutive shown weeks (ending with `to`) in which most of the team's members were below their own
   * target; suppressed weeks and weeks off neither break nor extend it.
   */
  weeksMostlyBelowTarget: z.int().min(0),
  pattern: z.enum(TEAM_TILT_PATTERNS).nullable(),
});

export const OrgTeamSchema = z.object({
  id: z.string(),
  name: z.string(),
  memberCount: z.int().min(0),
  weeks: z.array(OrgTeamWeekCellSchema),
  /** Null when every week of the range is suppressed. */
  prevalence: SignalPrevalenceSchema.nullable(),
  tilt: TeamTiltSchema,
});
export type OrgTeam = z.infer<typeof OrgTeamSchema>;

export const OrgMetricsResponseSchema = z.object({
  from: IsoWeekSchema,
  to: IsoWeekSchema,
  minGroupSize: z.int().min(5),
  /** The organization's streak thresholds the team tilt uses. */
  sustainedTiltWeeks: z.int().min(1),
  burnoutWeeks: z.int().min(1),
  teams: z.array(OrgTeamSchema),
  /** Teams whose members have mostly been below target for `burnoutWeeks` weeks in a row. */
  burnoutTeams: z.array(
    z.object({ id: z.string(), name: z.string(), weeksMostlyBelowTarget: z.int().min(0) }),
  ),
});
export type OrgMetricsResponse = z.infer<typeof OrgMetricsResponseSchema>;

// ---------------------------------------------------------------------------------------------
// Endpoints
// ---------------------------------------------------------------------------------------------

export const metricsEndpoints = {
  myWeeks: {
    method: 'GET',
    url: '/api/v1/me/weeks',
    schema: { querystring: WeekRangeQuerySchema, response: { 200: WeekSeriesResponseSchema } },
  },
  myWeek: {
    method: 'GET',
    url: '/api/v1/me/weeks/:week',
    schema: { params: WeekParamsSchema, response: { 200: WeekDetailResponseSchema } },
  },
  /** Another member's weeks: where they share with you as their team lead, or in an open team. Audited. */
  memberWeeks: {
    method: 'GET',
    url: '/api/v1/members/:id/weeks',
    schema: {
      params: IdParamsSchema,
      querystring: WeekRangeQuerySchema,
      response: { 200: WeekSeriesResponseSchema },
    },
  },
  memberWeek: {
    method: 'GET',
    url: '/api/v1/members/:id/weeks/:week',
    schema: { params: MemberWeekParamsSchema, response: { 200: WeekDetailResponseSchema } },
  },
  /** The team's members, managers and admins. */
  teamMetrics: {
    method: 'GET',
    url: '/api/v1/teams/:id/metrics',
    schema: {
      params: IdParamsSchema,
      querystring: WeekRangeQuerySchema,
      response: { 200: TeamMetricsResponseSchema },
    },
  },
  /** Managers and admins. */
  orgMetrics: {
    method: 'GET',
    url: '/api/v1/org/metrics',
    schema: { querystring: WeekRangeQuerySchema, response: { 200: OrgMetricsResponseSchema } },
  },
} as const;
