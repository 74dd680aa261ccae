import { z } from 'zod';
import { MANAGER_SUBTYPES } from './entries.ts';

/**
 * Contracts of the metric engines: working hours, role profiles, thresholds with their sources, the
 * stored per member-day facts, and the week response the API serves.
 *
 * Units: durations are whole minutes; shares are fractions in [0, 1] (the dashboard formats them as
 * percentages); drift is in percentage points. Instants are UTC ISO strings, local dates `YYYY-MM-DD`,
 * weeks ISO `YYYY-Www`, all in the member's time zone.
 */

// ---------------------------------------------------------------------------------------------
// Calendar vocabulary
// ---------------------------------------------------------------------------------------------

export const IsoWeekSchema = z
  .string()
  .regex(/^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$/, 'an ISO week like 2026-W05');
export type IsoWeek = z.infer<typeof IsoWeekSchema>;

export const LocalDateSchema = z.iso.date();

/** `HH:MM` on a 24-hour clock; `24:00` is allowed as an end so a range can run to midnight. */
export const ClockTimeSchema = z.string().regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, 'a time like 09:00');

export const TimeRangeSchema = z
  .object({ start: ClockTimeSchema, end: ClockTimeSchema })
  .refine((range) => range.start < range.end, { message: 'end must be after start', path: ['end'] });
export type TimeRange = z.infer<typeof TimeRangeSchema>;

/** ISO weekday keys, Monday = 1 ... Sunday = 7, matching `member_settings.working_hours`. */
export const ISO_WEEKDAYS = ['1', '2', '3', '4', '5', '6', '7'] as const;
export type IsoWeekday = (typeof ISO_WEEKDAYS)[number];

const dayRanges = z
  .array(TimeRangeSchema)
  .max(8)
  .default([])
  .refine(
    (ranges) => {
      const sorted = [...ranges].sort((a, b) => (a.start < b.start ? -1 : 1));
      return sorted.every((range, i) => i === 0 || (sorted[i - 1] as TimeRange).end <= range.start);
    },
    { message: 'ranges of one day must not overlap' },
  );

/**
 * Working hours per ISO weekday in the member's zone. A day with no ranges is not a working day: time
 * worked on it counts as weekend time. Overnight shifts are written as two ranges (22:00-24:00 and
 * 00:00-06:00 on the next weekday).
 */
export const WorkingHoursSchema = z.object({
  '1': dayRanges,
  '2': dayRanges,
  '3': dayRanges,
  '4': dayRanges,
  '5': dayRanges,
  '6': dayRanges,
  '7': dayRanges,
});
export type WorkingHours = z.infer<typeof WorkingHoursSchema>;

const officeDay = [{ start: '09:00', end: '17:00' }];
export const DEFAULT_WORKING_HOURS: WorkingHours = {
  '1': officeDay,
  '2': officeDay,
  '3': officeDay,
  '4': officeDay,
  '5': officeDay,
  '6': [],
  '7': [],
};

// ---------------------------------------------------------------------------------------------
// Role profiles and thresholds
// ---------------------------------------------------------------------------------------------

export const ROLE_PROFILES = ['maker', 'hybrid', 'manager'] as const;
export const RoleProfileSchema = z.enum(ROLE_PROFILES);
export type RoleProfile = z.infer<typeof RoleProfileSchema>;
export const DEFAULT_ROLE_PROFILE: RoleProfile = 'hybrid';

/** The product offers the two block lengths of the brief: 2 hours, and the maker's "half-day". */
export const DEEP_BLOCK_MINUTES = [120, 240] as const;

const thresholdShape = {
  /** Target maker share of maker + manager time (a fraction). Set by the role profile. */
  targetMakerShare: z.number().min(0).max(1),
  /** Deep work floor: deep blocks a week. Set by the role profile. */
  minDeepBlocksPerWeek: z.int().min(0).max(35),
  /** N: the shortest uninterrupted maker run that counts as a deep block. */
  deepBlockMinutes: z.union([z.literal(DEEP_BLOCK_MINUTES[0]), z.literal(DEEP_BLOCK_MINUTES[1])]),
  /** A week with manager time and at most this much maker time is a zero-maker week. */
  zeroMakerMinutes: z.int().min(0).max(600),
  /** A day with at least this much manager time is a heavy meeting day. */
  heavyMeetingDayMinutes: z.int().min(1).max(1440),
  /** Consecutive below-target weeks that make a sustained tilt. */
  sustainedTiltWeeks: z.int().min(1).max(104),
  /** Consecutive below-target weeks that make a burnout pattern. */
  burnoutWeeks: z.int().min(1).max(104),
  /** Drift signal: the 4-week share this many percentage points or more below the 12-week baseline. */
  driftPoints: z.number().positive().max(100),
  /** After hours: more than this many minutes in a week ... */
  afterHoursMinutesPerWeek: z.int().min(0).max(10_080),
  /** ... in at least this many ... */
  afterHoursWeeks: z.int().min(1).max(52),
  /** ... of the last this many weeks. */
  afterHoursWindowWeeks: z.int().min(1).max(52),
  /** Weekend: more than this many minutes worked on non-working days of one week. */
  weekendMinutes: z.int().min(0).max(10_080),
};

export const ThresholdsSchema = z
  .object(thresholdShape)
  .refine((t) => t.afterHoursWeeks <= t.afterHoursWindowWeeks, {
    message: 'afterHoursWeeks cannot exceed afterHoursWindowWeeks',
    path: ['afterHoursWeeks'],
  })
  .refine((t) => t.sustainedTiltWeeks <= t.burnoutWeeks, {
    message: 'sustainedTiltWeeks cannot exceed burnoutWeeks',
    path: ['sustainedTiltWeeks'],
  });
export type Thresholds = z.infer<typeof ThresholdsSchema>;
export type ThresholdKey = keyof Thresholds;
export const THRESHOLD_KEYS = Object.keys(thresholdShape) as ThresholdKey[];

/** The thresholds a role profile sets; everything else is profile-independent. */
export const PROFILE_THRESHOLD_KEYS = ['targetMakerShare', 'minDeepBlocksPerWeek'] as const;
export type ProfileThresholdKey = (typeof PROFILE_THRESHOLD_KEYS)[number];

/** Role profiles set the targets; there is no published "healthy ratio", so they are role-specific. */
export const ROLE_PROFILE_TARGETS: Record<RoleProfile, Pick<Thresholds, ProfileThresholdKey>> = {
  maker: { targetMakerShare: 0.7, minDeepBlocksPerWeek: 5 },
  hybrid: { targetMakerShare: 0.5, minDeepBlocksPerWeek: 2 },
  manager: { targetMakerShare: 0.3, minDeepBlocksPerWeek: 2 },
};

/** The profile-independent defaults of the brief's threshold table. */
export const DEFAULT_THRESHOLDS: Omit<Thresholds, ProfileThresholdKey> = {
  deepBlockMinutes: 120,
  zeroMakerMinutes: 0,
  heavyMeetingDayMinutes: 300,
  sustainedTiltWeeks: 4,
  burnoutWeeks: 26,
  driftPoints: 10,
  afterHoursMinutesPerWeek: 60,
  afterHoursWeeks: 3,
  afterHoursWindowWeeks: 4,
  weekendMinutes: 90,
};

/** Why each threshold exists: the brief's "where it comes from", shown beside every value. */
export const THRESHOLD_ORIGINS: Record<ThresholdKey, string> = {
  targetMakerShare:
    '"maker work dominated the manager work": the manager who switched back wanted maker work to dominate',
  minDeepBlocksPerWeek: 'preserving "the maker skill"; industry focus-block practice',
  deepBlockMinutes:
    'uninterrupted maker time: 2 hours by default, or the "half-day" of the maker\'s schedule',
  zeroMakerMinutes: '"not writing a single line of code for an entire week"',
  heavyMeetingDayMinutes: '"spending 5 hours on meetings, it\'s easy, but exhausting"',
  sustainedTiltWeeks: '"the ratio kept tilting"',
  burnoutWeeks:
    '"after six months, I realized I couldn\'t continue"; "waiting 6-12 months felt like an impossible task"',
  driftPoints: 'the ratio tilting, measured',
  afterHoursMinutesPerWeek: "Microsoft Viva Insights' after-hours signal",
  afterHoursWeeks: "Microsoft Viva Insights' after-hours signal",
  afterHoursWindowWeeks: "Microsoft Viva Insights' after-hours signal",
  weekendMinutes: 'Worklytics guideline upper bound',
};

const profileOverridesSchema = z
  .object({
    targetMakerShare: thresholdShape.targetMakerShare,
    minDeepBlocksPerWeek: thresholdShape.minDeepBlocksPerWeek,
  })
  .partial();

/**
 * What one scope (organization, team or member) overrides. Flat values apply whatever the member's
 * profile; `profiles` adjusts a profile's own targets (e.g. "our makers aim for 65 %").
 */
export const ThresholdOverridesSchema = z
  .object(thresholdShape)
  .partial()
  .extend({ profiles: z.partialRecord(RoleProfileSchema, profileOverridesSchema).optional() });
export type ThresholdOverrides = z.infer<typeof ThresholdOverridesSchema>;

export const THRESHOLD_LAYERS = ['default', 'org', 'team', 'member'] as const;
export const ThresholdLayerSchema = z.enum(THRESHOLD_LAYERS);
export type ThresholdLayer = z.infer<typeof ThresholdLayerSchema>;

/** Where a threshold's value was set, and why the threshold exists at all (the brief's words). */
export const ThresholdSourceSchema = z.object({
  layer: ThresholdLayerSchema,
  /** The role profile the value belongs to, when it is a profile target; otherwise null. */
  profile: RoleProfileSchema.nullable(),
  origin: z.string(),
});
export type ThresholdSource = z.infer<typeof ThresholdSourceSchema>;

export const ResolvedThresholdsSchema = z.object({
  profile: RoleProfileSchema,
  values: ThresholdsSchema,
  sources: z.record(z.enum(THRESHOLD_KEYS as [ThresholdKey, ...ThresholdKey[]]), ThresholdSourceSchema),
});
export type ResolvedThresholds = z.infer<typeof ResolvedThresholdsSchema>;

// ---------------------------------------------------------------------------------------------
// Signals and the week response
// ---------------------------------------------------------------------------------------------

export const SIGNAL_CODES = [
  'maker_share_below_target',
  'zero_maker_week',
  'heavy_meeting_day',
  'sustained_tilt',
  'burnout_pattern',
  'drift',
  'deep_work_floor',
  'after_hours',
  'weekend',
] as const;
export const SignalCodeSchema = z.enum(SIGNAL_CODES);
export type SignalCode = z.infer<typeof SignalCodeSchema>;

export const SIGNAL_LEVELS = ['info', 'warning', 'critical'] as const;
export const SignalLevelSchema = z.enum(SIGNAL_LEVELS);
export type SignalLevel = z.infer<typeof SignalLevelSchema>;

export const SignalSchema = z.object({
  code: SignalCodeSchema,
  level: SignalLevelSchema,
  message: z.string(),
  source: ThresholdSourceSchema,
  /** The threshold that fired and its value at the time. */
  threshold: z.object({
    key: z.enum(THRESHOLD_KEYS as [ThresholdKey, ...ThresholdKey[]]),
    value: z.number(),
  }),
  /** The local day a per-day signal (heavy meeting day) is about; null for week signals. */
  date: LocalDateSchema.nullable(),
});
export type Signal = z.infer<typeof SignalSchema>;

export const WeekMetricsSchema = z.object({
  week: IsoWeekSchema,
  makerMinutes: z.int().min(0),
  managerMinutes: z.int().min(0),
  neutralMinutes: z.int().min(0),
  /** maker / (maker + manager); null when both are 0. */
  makerShare: z.number().min(0).max(1).nullable(),
  deepBlocks: z.int().min(0),
  deepMinutes: z.int().min(0),
  fragmentedMakerMinutes: z.int().min(0),
  longestBlockMinutes: z.int().min(0),
  heavyMeetingDays: z.int().min(0),
  meetingFreeDays: z.int().min(0),
  afterHoursMinutes: z.int().min(0),
  weekendMinutes: z.int().min(0),
  contextSwitches: z.int().min(0),
  /** The member's target maker share (a fraction) this week was measured against. */
  target: z.number().min(0).max(1),
  signals: z.array(SignalSchema),
});
export type WeekMetrics = z.infer<typeof WeekMetricsSchema>;

// ---------------------------------------------------------------------------------------------
// Per member-day facts (stored, one row per member and local date) and the by-day view
// ---------------------------------------------------------------------------------------------

/** Manager subtype keys of the per-subtype minutes; `unspecified` holds manager time without one. */
export const MANAGER_SUBTYPE_KEYS = [...MANAGER_SUBTYPES, 'unspecified'] as const;
export type ManagerSubtypeKey = (typeof MANAGER_SUBTYPE_KEYS)[number];
export const ManagerMinutesBySubtypeSchema = z.object({
  one_on_one: z.int().min(0),
  team_sync: z.int().min(0),
  review: z.int().min(0),
  hiring: z.int().min(0),
  external: z.int().min(0),
  coordination: z.int().min(0),
  unspecified: z.int().min(0),
});
export type ManagerMinutesBySubtype = z.infer<typeof ManagerMinutesBySubtypeSchema>;

export const TimeBlockSchema = z.object({
  start: z.iso.datetime(),
  end: z.iso.datetime(),
  minutes: z.int().min(0),
});
export type TimeBlock = z.infer<typeof TimeBlockSchema>;

export const MakerBlockSchema = TimeBlockSchema.extend({ deep: z.boolean() });
export type MakerBlock = z.infer<typeof MakerBlockSchema>;

/** One manager entry as seen on one day (an entry crossing midnight appears on both days). */
export const MeetingFactSchema = TimeBlockSchema.extend({
  entryId: z.string(),
  seriesId: z.string().nullable(),
  subtype: z.enum(MANAGER_SUBTYPES).nullable(),
  /** Deep time this entry destroys beyond its own duration, against the same day without it. */
  focusCostMinutes: z.int().min(0),
});
export type MeetingFact = z.infer<typeof MeetingFactSchema>;

export const DayFactsSchema = z.object({
  date: LocalDateSchema,
  timeZone: z.string(),
  /** N the facts were computed with; facts must be rebuilt when it changes. */
  deepBlockMinutes: z.int().positive(),
  /** True length of the local day (1380 or 1500 on DST changes). */
  dayMinutes: z.int().positive(),
  workingDay: z.boolean(),
  workingMinutes: z.int().min(0),
  makerMinutes: z.int().min(0),
  managerMinutes: z.int().min(0),
  neutralMinutes: z.int().min(0),
  managerBySubtype: ManagerMinutesBySubtypeSchema,
  deepBlocks: z.int().min(0),
  deepMinutes: z.int().min(0),
  longestBlockMinutes: z.int().min(0),
  fragmentedMakerMinutes: z.int().min(0),
  makerBlocks: z.array(MakerBlockSchema),
  capacityMinutes: z.int().min(0),
  capacityBlockMinutes: z.int().min(0),
  fragmentedCapacityMinutes: z.int().min(0),
  capacityBlocks: z.array(TimeBlockSchema),
  meetingCount: z.int().min(0),
  backToBackChains: z.int().min(0),
  meetings: z.array(MeetingFactSchema),
  focusCostMinutes: z.int().min(0),
  afterHoursMinutes: z.int().min(0),
  weekendMinutes: z.int().min(0),
  contextSwitches: z.int().min(0),
});
export type DayFacts = z.infer<typeof DayFactsSchema>;

/** A stretch of the resolved timeline: who owns each minute after overlap precedence. */
export const TimelineSegmentSchema = TimeBlockSchema.extend({
  category: z.enum(['maker', 'manager', 'neutral']),
  subtype: z.enum(MANAGER_SUBTYPES).nullable(),
  entryId: z.string(),
});
export type TimelineSegment = z.infer<typeof TimelineSegmentSchema>;

export const DayDetailSchema = z.object({
  facts: DayFactsSchema,
  timeline: z.array(TimelineSegmentSchema),
});
export type DayDetail = z.infer<typeof DayDetailSchema>;

export const SeriesFocusCostSchema = z.object({
  seriesId: z.string(),
  occurrences: z.int().min(0),
  managerMinutes: z.int().min(0),
  focusCostMinutes: z.int().min(0),
});
export type SeriesFocusCost = z.infer<typeof SeriesFocusCostSchema>;

export const WeekDetailSchema = z.object({
  week: IsoWeekSchema,
  timeZone: z.string(),
  days: z.array(DayDetailSchema),
  series: z.array(SeriesFocusCostSchema),
});
export type WeekDetail = z.infer<typeof WeekDetailSchema>;
