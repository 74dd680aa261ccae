import { DEFAULT_WORKING_HOURS, WeekDetailSchema, WeekMetricsSchema } from '@tiltmeter/shared';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  computeDayFacts,
  computeSignals,
  computeWeekDetail,
  datesOfIsoWeek,
  type MetricEntry,
  resolveThresholds,
  rollUpWeek,
  toWeekMetrics,
  type WeekContext,
} from '../../../server/src/engine/index.ts';
import { dayContext, entry, MONDAY, weekContext, weekdays } from './fixtures.ts';

const WEEK = '2026-W05';

/** What the server does: one facts row per local date that has entries, then a roll-up. */
function rollUpFromEntries(week: string, entries: MetricEntry[], context: WeekContext = weekContext()) {
  const stored = datesOfIsoWeek(week)
    .map((date) => computeDayFacts(entries, date, context))
    .filter((facts) => facts.makerMinutes + facts.managerMinutes + facts.neutralMinutes > 0);
  return rollUpWeek(week, stored, context);
}

describe('rollUpWeek', () => {
  it('an empty week: zeros, no share, no meeting-free days, full capacity', () => {
    const rollup = rollUpWeek(WEEK, [], weekContext());
    expect(rollup).toMatchObject({
      week: WEEK,
      makerMinutes: 0,
      managerMinutes: 0,
      neutralMinutes: 0,
      makerShare: null,
      deepBlocks: 0,
      deepMinutes: 0,
      fragmentedMakerMinutes: 0,
      longestBlockMinutes: 0,
      heavyMeetingDays: 0,
      meetingFreeDays: 0,
      afterHoursMinutes: 0,
      weekendMinutes: 0,
      contextSwitches: 0,
      weekMinutes: 7 * 24 * 60,
      capacityMinutes: 5 * 480,
      capacityBlockMinutes: 5 * 480,
      meetingCount: 0,
    });
  });

  it('a typical week adds its days up', () => {
    const entries = [
      // Monday: a focus morning, a 1:1, a sync
      entry('maker', MONDAY, '09:00', '12:00'),
      entry('manager', MONDAY, '12:00', '12:30', { subtype: 'one_on_one' }),
      entry('manager', MONDAY, '14:00', '15:00', { subtype: 'team_sync' }),
      // Tuesday: maker only, with lunch
      entry('maker', '2026-01-27', '09:00', '12:00'),
      entry('neutral', '2026-01-27', '12:00', '13:00'),
      entry('maker', '2026-01-27', '13:00', '14:30'),
      // Wednesday: a long maker day and an evening review
      entry('maker', '2026-01-28', '09:00', '13:00'),
      entry('manager', '2026-01-28', '18:00', '19:00', { subtype: 'review' }),
      // Saturday: a little work
      entry('maker', '2026-01-31', '10:00', '11:00'),
    ];
    const rollup = rollUpFromEntries(WEEK, entries);
    expect(rollup).toMatchObject({
      makerMinutes: 180 + 270 + 240 + 60,
      managerMinutes: 30 + 60 + 60,
      neutralMinutes: 60,
      makerShare: 750 / 900,
      deepBlocks: 3, // Mon 09-12, Tue 09-12, Wed 09-13; not Tue 13:00-14:30 or Saturday's hour
      deepMinutes: 180 + 180 + 240,
      fragmentedMakerMinutes: 90 + 60,
      longestBlockMinutes: 240,
      heavyMeetingDays: 0,
      meetingFreeDays: 3, // Tuesday, Thursday, Friday
      afterHoursMinutes: 60,
      weekendMinutes: 60,
      contextSwitches: 2, // Monday maker -> manager, Wednesday maker -> manager
      meetingCount: 3,
      managerBySubtype: { one_on_one: 30, team_sync: 60, review: 60 },
    });
  });

  it.each([
    ['five heavy days of exactly 5 h', '14:00', 5],
    ['one minute short every day', '13:59', 0],
  ])('heavy meeting days: %s', (_name, end, heavy) => {
    const entries = weekdays(MONDAY).map((date) => entry('manager', date, '09:00', end));
    expect(rollUpFromEntries(WEEK, entries).heavyMeetingDays).toBe(heavy);
  });

  it('the heavy-day threshold comes from the context', () => {
    const entries = weekdays(MONDAY).map((date) => entry('manager', date, '09:00', '13:00'));
    expect(
      rollUpFromEntries(WEEK, entries, weekContext({ heavyMeetingDayMinutes: 240 })).heavyMeetingDays,
    ).toBe(5);
  });

  it.each([
    ['Europe/Berlin', '2026-W13', 167 * 60],
    ['Europe/Berlin', '2026-W43', 169 * 60],
    ['Europe/Berlin', '2026-W05', 168 * 60],
    ['America/New_York', '2026-W10', 167 * 60],
  ])('a week in %s (%s) has its true length', (timeZone, week, minutes) => {
    // Every local day covered from midnight to midnight, in two halves as a calendar would hold it.
    const entries = datesOfIsoWeek(week).flatMap((date) => [
      entry('neutral', date, '00:00', '12:00', { timeZone }),
      entry('neutral', date, '12:00', '24:00', { timeZone }),
    ]);
    const rollup = rollUpFromEntries(week, entries, weekContext({ timeZone }));
    expect(rollup.weekMinutes).toBe(minutes);
    expect(rollup.neutralMinutes).toBe(minutes);
  });

  it('maker time across the short DST night is counted by the clock, not by the wall', () => {
    const entries = [entry('maker', '2026-03-28', '22:00', '06:00', { endDate: '2026-03-29' })];
    const rollup = rollUpFromEntries('2026-W13', entries);
    expect(rollup.makerMinutes).toBe(120 + 360 - 60);
    expect(rollup.weekendMinutes).toBe(420);
    expect(rollup.deepBlocks).toBe(2); // split at midnight: 22-24 and 00-06
  });

  it('a meeting crossing midnight is one meeting', () => {
    const entries = [entry('manager', MONDAY, '23:00', '01:00', { endDate: '2026-01-27' })];
    const rollup = rollUpFromEntries(WEEK, entries);
    expect(rollup.meetingCount).toBe(1);
    expect(rollup.managerMinutes).toBe(120);
  });

  it('stored rows for some days give the same week as rows for every day', () => {
    const entries = [
      entry('maker', MONDAY, '09:00', '12:00'),
      entry('manager', '2026-01-29', '10:00', '10:30'),
    ];
    const everyDay = datesOfIsoWeek(WEEK).map((date) => computeDayFacts(entries, date, weekContext()));
    expect(rollUpWeek(WEEK, everyDay, weekContext())).toEqual(rollUpFromEntries(WEEK, entries));
  });

  it('refuses days outside the week and duplicated days', () => {
    const monday = computeDayFacts([], MONDAY, dayContext());
    expect(() => rollUpWeek('2026-W06', [monday], weekContext())).toThrow(/not in week/);
    expect(() => rollUpWeek(WEEK, [monday, monday], weekContext())).toThrow(/twice/);
  });

  it('meeting-free days follow the working hours', () => {
    const fourDays = { ...DEFAULT_WORKING_HOURS, '5': [] };
    const entries = [
      entry('maker', MONDAY, '09:00', '11:00'),
      entry('manager', '2026-01-27', '10:00', '11:00'),
    ];
    expect(rollUpFromEntries(WEEK, entries, weekContext({ workingHours: fourDays })).meetingFreeDays).toBe(3);
  });
});

describe('the week API object', () => {
  it('is exactly the public contract, signals included', () => {
    // A zero-maker week: five heavy days of meetings and nothing else.
    const entries = weekdays(MONDAY).map((date) => entry('manager', date, '09:00', '14:30'));
    const rollup = rollUpFromEntries(WEEK, entries);
    const thresholds = resolveThresholds();
    const [weekSignals] = computeSignals([rollup], thresholds);
    const api = toWeekMetrics(rollup, weekSignals?.signals ?? [], thresholds);

    expect(Object.keys(api).sort()).toEqual(
      [
        'week',
        'makerMinutes',
        'managerMinutes',
        'neutralMinutes',
        'makerShare',
        'deepBlocks',
        'deepMinutes',
        'fragmentedMakerMinutes',
        'longestBlockMinutes',
        'heavyMeetingDays',
        'meetingFreeDays',
        'afterHoursMinutes',
        'weekendMinutes',
        'contextSwitches',
        'target',
        'signals',
      ].sort(),
    );
    expect(WeekMetricsSchema.parse(api)).toEqual(api);
    expect(api).toMatchObject({
      makerMinutes: 0,
      managerMinutes: 5 * 330,
      makerShare: 0,
      heavyMeetingDays: 5,
      target: 0.5,
    });
    expect(api.signals.map((s) => [s.code, s.level, s.date])).toEqual([
      ['zero_maker_week', 'critical', null],
      ['heavy_meeting_day', 'warning', '2026-01-26'],
      ['heavy_meeting_day', 'warning', '2026-01-27'],
      ['heavy_meeting_day', 'warning', '2026-01-28'],
      ['heavy_meeting_day', 'warning', '2026-01-29'],
      ['heavy_meeting_day', 'warning', '2026-01-30'],
      ['deep_work_floor', 'warning', null],
    ]);
  });
});

describe('computeWeekDetail', () => {
  it('gives every day its blocks, capacity blocks and meetings with focus costs, and ranks the series', () => {
    const entries = weekdays(MONDAY).flatMap((date) => [
      entry('manager', date, '10:00', '10:15', { seriesId: 'standup', id: `standup-${date}` }),
      entry('maker', date, '13:00', '17:00'),
    ]);
    entries.push(
      entry('manager', addDays(MONDAY, 2), '14:00', '14:30', { seriesId: 'design-review', id: 'dr' }),
    );
    const detail = computeWeekDetail(entries, WEEK, dayContext());

    expect(WeekDetailSchema.parse(detail)).toEqual(detail);
    expect(detail.days.map((d) => d.facts.date)).toEqual(datesOfIsoWeek(WEEK));
    const monday = detail.days[0]?.facts;
    expect(monday?.capacityBlocks.map((b) => b.minutes)).toEqual([405]);
    expect(monday?.makerBlocks.map((b) => [b.minutes, b.deep])).toEqual([[240, true]]);
    expect(monday?.meetings.map((m) => [m.entryId, m.focusCostMinutes])).toEqual([
      ['standup-2026-01-26', 60],
    ]);
    const wednesday = detail.days[2]?.facts;
    // The free 10:15-13:00 joins the 13:00-17:00 focus block, so 14:00-14:30 leaves 10:15-14:00 and
    // 14:30-17:00, both deep: it costs only its own time.
    expect(wednesday?.meetings.map((m) => [m.entryId, m.focusCostMinutes])).toEqual([
      ['standup-2026-01-28', 60],
      ['dr', 0],
    ]);
    expect(detail.series).toEqual([
      { seriesId: 'standup', occurrences: 5, managerMinutes: 75, focusCostMinutes: 300 },
      { seriesId: 'design-review', occurrences: 1, managerMinutes: 30, focusCostMinutes: 0 },
    ]);
  });
});
