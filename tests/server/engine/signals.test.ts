import { type SignalCode, SignalSchema } from '@tiltmeter/shared';
import { describe, expect, it } from 'vitest';
import {
  addIsoWeeks,
  computeSignals,
  datesOfIsoWeek,
  resolveThresholds,
  type SignalWeekInput,
  type ThresholdLayers,
  type WeekSignals,
} from '../../../server/src/engine/index.ts';

const FIRST = '2025-W40';

interface WeekShape {
  maker?: number;
  manager?: number;
  deepBlocks?: number;
  afterHours?: number;
  weekend?: number;
  /** Manager minutes Monday..Sunday; spread over the seven days (no heavy day) when not given. */
  daily?: number[];
}

/** A week `offset` weeks after FIRST; by default a healthy hybrid week (62.5 % maker, 3 deep blocks). */
function week(offset: number, shape: WeekShape = {}): SignalWeekInput {
  const maker = shape.maker ?? 1500;
  const manager = shape.manager ?? 900;
  const name = addIsoWeeks(FIRST, offset);
  const daily = shape.daily ?? [0, 1, 2, 3, 4, 5, 6].map(() => Math.round(manager / 7));
  return {
    week: name,
    makerMinutes: maker,
    managerMinutes: manager,
    makerShare: maker + manager > 0 ? maker / (maker + manager) : null,
    deepBlocks: shape.deepBlocks ?? 3,
    afterHoursMinutes: shape.afterHours ?? 0,
    weekendMinutes: shape.weekend ?? 0,
    dailyManagerMinutes: datesOfIsoWeek(name).map((date, i) => ({ date, minutes: daily[i] ?? 0 })),
  };
}

const BELOW: WeekShape = { maker: 600, manager: 1800 }; // 25 %, deep blocks stay at the floor
const OFF: WeekShape = { maker: 0, manager: 0, deepBlocks: 0 };

/** Builds consecutive weeks from shapes. */
const weeks = (shapes: WeekShape[]) => shapes.map((shape, i) => week(i, shape));
const codes = (result: WeekSignals | undefined) => result?.signals.map((s) => s.code) ?? [];
const run = (input: SignalWeekInput[], layers: ThresholdLayers = {}) =>
  computeSignals(input, resolveThresholds(layers));
const last = <T>(list: T[]) => list[list.length - 1];

describe('computeSignals: one week at a time', () => {
  it.each<[string, WeekShape, ThresholdLayers, SignalCode[]]>([
    ['a healthy week raises nothing', {}, {}, []],
    ['maker share below target', { maker: 900, manager: 1500 }, {}, ['maker_share_below_target']],
    ['maker share exactly at target is fine', { maker: 1200, manager: 1200 }, {}, []],
    [
      'the maker profile asks for more',
      { maker: 1500, manager: 900, deepBlocks: 5 },
      { profile: 'maker' },
      ['maker_share_below_target'],
    ],
    ['the manager profile asks for less', { maker: 800, manager: 1600 }, { profile: 'manager' }, []],
    [
      'zero maker hours with manager time is critical, and not also "below target"',
      { maker: 0, manager: 600, deepBlocks: 0 },
      {},
      ['zero_maker_week', 'deep_work_floor'],
    ],
    [
      'an org can call 20 minutes "zero"',
      { maker: 20, manager: 600, deepBlocks: 0 },
      { org: { zeroMakerMinutes: 30 } },
      ['zero_maker_week', 'deep_work_floor'],
    ],
    [
      '20 minutes are not zero by default',
      { maker: 20, manager: 600, deepBlocks: 0 },
      {},
      ['maker_share_below_target', 'deep_work_floor'],
    ],
    ['an empty week (holiday) raises nothing, not even the deep floor', OFF, {}, []],
    [
      'a week of only neutral time raises nothing',
      { maker: 0, manager: 0, deepBlocks: 0, daily: [0, 0, 0, 0, 0, 0, 0] },
      {},
      [],
    ],
    ['maker only, no manager time: no zero-maker signal', { maker: 600, manager: 0 }, {}, []],
    [
      'five heavy days, one warning each',
      { maker: 600, manager: 1500, daily: [300, 300, 300, 300, 300, 0, 0] },
      {},
      [
        'maker_share_below_target',
        'heavy_meeting_day',
        'heavy_meeting_day',
        'heavy_meeting_day',
        'heavy_meeting_day',
        'heavy_meeting_day',
      ],
    ],
    ['4 h 59 min is not heavy', { maker: 1500, manager: 299, daily: [299, 0, 0, 0, 0, 0, 0] }, {}, []],
    ['fewer deep blocks than the floor', { deepBlocks: 1 }, {}, ['deep_work_floor']],
    [
      'a maker needs five',
      { maker: 1800, manager: 600, deepBlocks: 4 },
      { profile: 'maker' },
      ['deep_work_floor'],
    ],
    ['exactly at the floor is fine', { deepBlocks: 2 }, {}, []],
    ['weekend: 1 h 30 min is allowed', { weekend: 90 }, {}, []],
    ['weekend: more than 1 h 30 min warns', { weekend: 91 }, {}, ['weekend']],
    ['one week of after hours is not a pattern', { afterHours: 300 }, {}, []],
  ])('%s', (_name, shape, layers, expected) => {
    expect(codes(run([week(0, shape)], layers)[0])).toEqual(expected);
  });

  it('every signal carries level, plain message, the threshold that fired and its source', () => {
    const [result] = run(
      [
        week(0, {
          maker: 600,
          manager: 1500,
          daily: [330, 300, 300, 300, 270, 0, 0],
          deepBlocks: 1,
          weekend: 100,
        }),
      ],
      {
        team: { weekendMinutes: 90 },
      },
    );
    const signals = result?.signals ?? [];
    for (const signal of signals) expect(SignalSchema.parse(signal)).toEqual(signal);
    expect(signals.map((s) => [s.code, s.level, s.threshold, s.source.layer, s.date])).toEqual([
      ['maker_share_below_target', 'warning', { key: 'targetMakerShare', value: 0.5 }, 'default', null],
      [
        'heavy_meeting_day',
        'warning',
        { key: 'heavyMeetingDayMinutes', value: 300 },
        'default',
        '2025-09-29',
      ],
      [
        'heavy_meeting_day',
        'warning',
        { key: 'heavyMeetingDayMinutes', value: 300 },
        'default',
        '2025-09-30',
      ],
      [
        'heavy_meeting_day',
        'warning',
        { key: 'heavyMeetingDayMinutes', value: 300 },
        'default',
        '2025-10-01',
      ],
      [
        'heavy_meeting_day',
        'warning',
        { key: 'heavyMeetingDayMinutes', value: 300 },
        'default',
        '2025-10-02',
      ],
      ['deep_work_floor', 'warning', { key: 'minDeepBlocksPerWeek', value: 2 }, 'default', null],
      ['weekend', 'warning', { key: 'weekendMinutes', value: 90 }, 'team', null],
    ]);
    expect(signals.map((s) => s.message)).toEqual([
      'Maker work was 29 % of maker and manager time this week, below the 50 % target.',
      'Monday 2025-09-29 had 5 h 30 min of manager time (a heavy day starts at 5 h).',
      'Tuesday 2025-09-30 had 5 h of manager time (a heavy day starts at 5 h).',
      'Wednesday 2025-10-01 had 5 h of manager time (a heavy day starts at 5 h).',
      'Thursday 2025-10-02 had 5 h of manager time (a heavy day starts at 5 h).',
      '1 deep block of 2 h or more this week; the floor is 2.',
      '1 h 40 min of work on non-working days this week, more than 1 h 30 min.',
    ]);
    expect(signals[0]?.source).toEqual({
      layer: 'default',
      profile: 'hybrid',
      origin:
        '"maker work dominated the manager work": the manager who switched back wanted maker work to dominate',
    });
  });

  it('says "no maker time" plainly', () => {
    const [result] = run([week(0, { maker: 0, manager: 750 })]);
    expect(result?.signals[0]?.message).toBe('No maker time this week, against 12 h 30 min of manager time.');
    expect(result?.signals[0]?.source.origin).toContain('not writing a single line of code');
  });

  it('shows a decimal when rounding would hide that the share is below target', () => {
    const [result] = run([week(0, { maker: 499, manager: 501 })]);
    expect(result?.signals[0]?.message).toBe(
      'Maker work was 49.9 % of maker and manager time this week, below the 50 % target.',
    );
  });
});

describe('streaks: sustained tilt (4 weeks) and burnout pattern (26 weeks)', () => {
  it('fires from the fourth consecutive week below target', () => {
    const result = run(weeks([BELOW, BELOW, BELOW, BELOW, BELOW]));
    expect(result.map((r) => r.belowTargetStreak)).toEqual([1, 2, 3, 4, 5]);
    expect(result.map((r) => codes(r).includes('sustained_tilt'))).toEqual([false, false, false, true, true]);
    expect(result[3]?.signals.find((s) => s.code === 'sustained_tilt')?.message).toBe(
      'Maker share has been below the 50 % target for 4 weeks in a row.',
    );
  });

  it('a week at target breaks the streak', () => {
    const result = run(weeks([BELOW, BELOW, BELOW, {}, BELOW, BELOW, BELOW]));
    expect(result.map((r) => r.belowTargetStreak)).toEqual([1, 2, 3, 0, 1, 2, 3]);
    expect(result.some((r) => codes(r).includes('sustained_tilt'))).toBe(false);
  });

  it.each<[string, WeekShape[]]>([
    ['an empty week', [BELOW, BELOW, OFF, BELOW, BELOW]],
    ['a week of only neutral time', [BELOW, BELOW, { maker: 0, manager: 0, deepBlocks: 0 }, BELOW, BELOW]],
    ['two holiday weeks', [BELOW, OFF, BELOW, OFF, BELOW, BELOW]],
  ])('%s neither breaks nor extends the streak, and raises nothing itself', (_name, shapes) => {
    const result = run(weeks(shapes));
    const offWeeks = result.filter((_r, i) => shapes[i] !== BELOW);
    expect(offWeeks.every((r) => r.signals.length === 0)).toBe(true);
    expect(last(result)?.belowTargetStreak).toBe(4);
    expect(codes(last(result))).toContain('sustained_tilt');
    expect(result.filter((r) => codes(r).includes('sustained_tilt'))).toHaveLength(1);
  });

  it('weeks missing from the input are weeks off', () => {
    const input = [week(0, BELOW), week(1, BELOW), week(3, BELOW), week(5, BELOW)];
    expect(run(input).map((r) => [r.week, r.belowTargetStreak])).toEqual([
      ['2025-W40', 1],
      ['2025-W41', 2],
      ['2025-W43', 3],
      ['2025-W45', 4],
    ]);
  });

  it('26 weeks below target is a burnout pattern, which replaces the sustained tilt', () => {
    const result = run(weeks(Array.from({ length: 27 }, () => BELOW)));
    const tilt = result.map((r) =>
      codes(r).includes('burnout_pattern') ? 'B' : codes(r).includes('sustained_tilt') ? 'T' : '-',
    );
    expect(tilt.join('')).toBe(`---${'T'.repeat(22)}BB`);
    const burnout = result[25]?.signals.find((s) => s.code === 'burnout_pattern');
    expect(burnout).toMatchObject({ level: 'critical', threshold: { key: 'burnoutWeeks', value: 26 } });
    expect(burnout?.message).toBe('Maker share has been below the 50 % target for 26 weeks in a row.');
    expect(burnout?.source.origin).toContain('six months');
  });

  it('holidays inside six months of tilt do not reset the count', () => {
    const shapes = [
      ...Array.from({ length: 13 }, () => BELOW),
      OFF,
      OFF,
      ...Array.from({ length: 13 }, () => BELOW),
    ];
    const result = run(weeks(shapes));
    expect(last(result)?.belowTargetStreak).toBe(26);
    expect(codes(last(result))).toContain('burnout_pattern');
    expect(result.filter((r) => codes(r).includes('burnout_pattern'))).toHaveLength(1);
  });

  it('streak lengths follow the thresholds', () => {
    const result = run(weeks([BELOW, BELOW, BELOW]), { org: { sustainedTiltWeeks: 2, burnoutWeeks: 3 } });
    expect(result.map(codes).map((c) => c.filter((code) => code !== 'maker_share_below_target'))).toEqual([
      [],
      ['sustained_tilt'],
      ['burnout_pattern'],
    ]);
  });
});

describe('drift: the 4-week share against the 12 weeks before', () => {
  const share = (maker: number): WeekShape => ({ maker, manager: 1000 - maker, deepBlocks: 3 });
  const history = (baseline: number, recent: number[]) =>
    weeks([...Array.from({ length: 12 }, () => share(baseline)), ...recent.map(share)]);

  it.each<[string, SignalWeekInput[], number | null, boolean]>([
    ['15 points down', history(600, [450, 450, 450, 450]), -15, true],
    ['exactly 10 points down fires', history(600, [500, 500, 500, 500]), -10, true],
    ['9.5 points down does not', history(600, [505, 505, 505, 505]), -9.5, false],
    ['one bad week inside the window is pooled', history(600, [600, 600, 600, 200]), -10, true],
    ['drifting up is no signal', history(500, [700, 700, 700, 700]), 20, false],
  ])('%s', (_name, input, points, fires) => {
    const result = last(run(input));
    expect(result?.drift?.points ?? null).toBe(points);
    expect(codes(result).includes('drift')).toBe(fires);
  });

  it('reports both shares and a plain message', () => {
    const result = last(run(history(600, [450, 450, 450, 450])));
    expect(result?.drift).toEqual({ rollingShare: 0.45, baselineShare: 0.6, points: -15 });
    expect(result?.signals.find((s) => s.code === 'drift')?.message).toBe(
      'Maker share of the last 4 weeks (45 %) is 15 points below the 12 weeks before (60 %).',
    );
  });

  it('the window slides: the baseline is the 12 weeks before the last 4', () => {
    // 8 weeks at 40 %, 8 at 60 %: at week 16 the window (13-16) is 60 %, the baseline (1-12) 46.67 %.
    const input = weeks([
      ...Array.from({ length: 8 }, () => share(400)),
      ...Array.from({ length: 8 }, () => share(600)),
    ]);
    expect(last(run(input))?.drift?.points).toBe(13.33);
    // One week earlier the window (12-15) is still 60 % and the baseline has only 11 weeks (1-11): 45.45 %.
    expect(run(input)[14]?.drift?.points).toBe(14.55);
  });

  it('needs at least 4 worked weeks of baseline', () => {
    const input = weeks([
      OFF,
      OFF,
      OFF,
      OFF,
      OFF,
      OFF,
      OFF,
      OFF,
      OFF,
      share(600),
      share(600),
      share(600),
      share(400),
      share(400),
      share(400),
      share(400),
    ]);
    expect(last(run(input))?.drift).toBeNull();
    const enough = weeks([
      OFF,
      OFF,
      OFF,
      OFF,
      OFF,
      OFF,
      OFF,
      OFF,
      share(600),
      share(600),
      share(600),
      share(600),
      share(400),
      share(400),
      share(400),
      share(400),
    ]);
    expect(last(run(enough))?.drift?.points).toBe(-20);
  });

  it('a window of weeks off has no drift', () => {
    const input = weeks([...Array.from({ length: 12 }, () => share(600)), OFF, OFF, OFF, OFF]);
    expect(last(run(input))?.drift).toBeNull();
  });

  it('the threshold is editable', () => {
    expect(codes(last(run(history(600, [530, 530, 530, 530]), { member: { driftPoints: 5 } })))).toContain(
      'drift',
    );
  });
});

describe('after hours: more than 1 h a week in 3 of the last 4 weeks', () => {
  const late = (afterHours: number): WeekShape => ({ afterHours });
  it.each<[string, WeekShape[], boolean[]]>([
    ['three late weeks in a row', [late(61), late(61), late(61)], [false, false, true]],
    [
      '3 of 4 with a quiet week between',
      [late(61), late(0), late(61), late(61)],
      [false, false, false, true],
    ],
    [
      'still 3 of the last 4 after a quiet week',
      [late(61), late(61), late(61), late(0)],
      [false, false, true, true],
    ],
    [
      'only 2 of the last 4',
      [late(61), late(0), late(0), late(61), late(61)],
      [false, false, false, false, false],
    ],
    [
      'exactly 1 h is not more than 1 h',
      [late(60), late(60), late(60), late(60)],
      [false, false, false, false],
    ],
    [
      'a holiday does not push a late week out of the window',
      [late(61), OFF, late(61), late(0), late(61)],
      [false, false, false, false, true],
    ],
  ])('%s', (_name, shapes, fires) => {
    expect(run(weeks(shapes)).map((r) => codes(r).includes('after_hours'))).toEqual(fires);
  });

  it('says how many of how many weeks', () => {
    const result = last(run(weeks([late(61), late(0), late(90), late(125)])));
    expect(result?.signals.find((s) => s.code === 'after_hours')?.message).toBe(
      'More than 1 h of work outside working hours in 3 of the last 4 weeks (2 h 5 min this week).',
    );
  });
});

describe('computeSignals input handling', () => {
  it('sorts weeks and refuses duplicates', () => {
    const input = [week(2, BELOW), week(0, BELOW), week(1, BELOW)];
    expect(run(input).map((r) => [r.week, r.belowTargetStreak])).toEqual([
      ['2025-W40', 1],
      ['2025-W41', 2],
      ['2025-W42', 3],
    ]);
    expect(() => run([week(0), week(0)])).toThrow(/twice/);
  });

  it('crosses year boundaries, including a 53-week year', () => {
    const input = ['2026-W52', '2026-W53', '2027-W01', '2027-W02'].map((name) => ({
      ...week(0, BELOW),
      week: name,
    }));
    expect(run(input).map((r) => r.belowTargetStreak)).toEqual([1, 2, 3, 4]);
  });
});
