import { type Entry, type WeekMetrics, WeekMetricsSchema, type WeekSeriesResponse } from '@tiltmeter/shared';
import { describe, expect, it } from 'vitest';
import {
  computeDayFacts,
  computeSignals,
  datesOfIsoWeek,
  type MetricEntry,
  resolveThresholds,
  rollUpWeek,
  toWeekMetrics,
} from '../../../server/src/engine/index.ts';
import { createMemberWithToken, type TestMember } from '../../helpers/auth.ts';
import { useTestApp } from '../../helpers/test-app.ts';
import { MONTH, MONTH_ZONE, ONE_ON_ONE, SYNC } from './month.ts';

const WEEKS = ['2026-W06', '2026-W07', '2026-W08', '2026-W09'];
const contractKeys = Object.keys(WeekMetricsSchema.shape) as (keyof WeekMetrics)[];
const pickContract = (item: Record<string, unknown>) =>
  Object.fromEntries(contractKeys.map((key) => [key, item[key]])) as WeekMetrics;

describe('GET /api/v1/me/weeks', () => {
  const { app } = useTestApp();

  async function memberWithMonth(): Promise<TestMember> {
    const member = await createMemberWithToken(app(), { timeZone: MONTH_ZONE });
    const response = await app().inject({
      method: 'POST',
      url: '/api/v1/entries/bulk',
      headers: member.headers,
      payload: { entries: MONTH },
    });
    expect(response.statusCode).toBe(200);
    return member;
  }

  const weeks = async (member: TestMember, query = 'from=2026-W06&to=2026-W09') => {
    const response = await app().inject({
      method: 'GET',
      url: `/api/v1/me/weeks?${query}`,
      headers: member.headers,
    });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as WeekSeriesResponse;
  };

  async function entriesOf(member: TestMember): Promise<Entry[]> {
    const response = await app().inject({
      method: 'GET',
      url: '/api/v1/entries?from=2026-01-01T00:00:00Z&to=2026-03-15T00:00:00Z',
      headers: member.headers,
    });
    return (response.json() as { items: Entry[] }).items;
  }

  /** The engine's own numbers, straight from the entries: every day's facts, rolled up, with signals. */
  function engineWeeks(entries: Entry[]): { metrics: WeekMetrics[]; streaks: number[] } {
    const metricEntries: MetricEntry[] = entries.map((entry) => ({
      id: entry.id,
      start: new Date(entry.start),
      end: new Date(entry.end),
      seriesId: entry.seriesId,
      category: entry.category,
      subtype: entry.subtype,
    }));
    const thresholds = resolveThresholds({ profile: 'hybrid' });
    const context = {
      timeZone: MONTH_ZONE,
      workingHours: {
        '1': [{ start: '09:00', end: '17:00' }],
        '2': [{ start: '09:00', end: '17:00' }],
        '3': [{ start: '09:00', end: '17:00' }],
        '4': [{ start: '09:00', end: '17:00' }],
        '5': [{ start: '09:00', end: '17:00' }],
        '6': [],
        '7': [],
      },
      deepBlockMinutes: 120,
      heavyMeetingDayMinutes: 300,
    };
    const rollups = WEEKS.map((week) =>
      rollUpWeek(
        week,
        datesOfIsoWeek(week).map((date) => computeDayFacts(metricEntries, date, context)),
        context,
      ),
    );
    const signals = computeSignals(rollups, thresholds);
    return {
      metrics: rollups.map((rollup, i) => toWeekMetrics(rollup, signals[i]?.signals ?? [], thresholds)),
      streaks: signals.map((s) => s.belowTargetStreak),
    };
  }

  it('serves the engine numbers of a constructed month: a good week, a meeting week, a holiday, a zero-maker week', async () => {
    const member = await memberWithMonth();
    const body = await weeks(member);
    expect(body).toMatchObject({
      memberId: member.memberId,
      timeZone: MONTH_ZONE,
      from: '2026-W06',
      to: '2026-W09',
      profile: 'hybrid',
    });
    expect(body.items.map((item) => item.week)).toEqual(WEEKS);
    const [good, meetings, holiday, zero] = body.items;

    expect(pickContract(good as never)).toMatchObject({
      makerMinutes: 1380,
      managerMinutes: 150,
      neutralMinutes: 0,
      makerShare: 1380 / 1530,
      deepBlocks: 7,
      deepMinutes: 1380,
      fragmentedMakerMinutes: 0,
      longestBlockMinutes: 480,
      heavyMeetingDays: 0,
      meetingFreeDays: 1,
      afterHoursMinutes: 120,
      weekendMinutes: 120,
      contextSwitches: 5,
      target: 0.5,
    });
    expect(good?.focusCostMinutes).toBe(120);
    expect(good?.signals.map((s) => s.code)).toEqual(['weekend']);
    expect(good?.signals[0]).toMatchObject({
      level: 'warning',
      source: { layer: 'default', profile: null, origin: 'Worklytics guideline upper bound' },
      threshold: { key: 'weekendMinutes', value: 90 },
    });

    expect(meetings).toMatchObject({
      makerMinutes: 120,
      managerMinutes: 480,
      makerShare: 0.2,
      deepBlocks: 1,
      heavyMeetingDays: 1,
      // Friday has no entries: an empty working day of a worked week is meeting-free.
      meetingFreeDays: 1,
      belowTargetStreak: 1,
    });
    expect(meetings?.managerBySubtype).toMatchObject({
      team_sync: 210,
      external: 120,
      review: 120,
      one_on_one: 30,
    });
    expect(meetings?.signals.map((s) => [s.code, s.level, s.date])).toEqual([
      ['maker_share_below_target', 'warning', null],
      ['heavy_meeting_day', 'warning', '2026-02-09'],
      ['deep_work_floor', 'warning', null],
    ]);
    expect(meetings?.signals[0]?.source).toEqual({
      layer: 'default',
      profile: 'hybrid',
      origin:
        '"maker work dominated the manager work": the manager who switched back wanted maker work to dominate',
    });

    expect(holiday).toMatchObject({
      makerMinutes: 0,
      managerMinutes: 0,
      makerShare: null,
      deepBlocks: 0,
      meetingFreeDays: 0,
      signals: [],
      // A week off neither breaks nor extends the streak.
      belowTargetStreak: 1,
      drift: null,
    });

    expect(zero).toMatchObject({
      makerMinutes: 0,
      managerMinutes: 150,
      makerShare: 0,
      meetingFreeDays: 3,
      belowTargetStreak: 2,
    });
    expect(zero?.signals.map((s) => [s.code, s.level])).toEqual([
      ['zero_maker_week', 'critical'],
      ['deep_work_floor', 'warning'],
    ]);
    expect(zero?.signals[0]?.message).toBe('No maker time this week, against 2 h 30 min of manager time.');

    // Every contract field, signals with their sources included, equals the engine's from the entries.
    const engine = engineWeeks(await entriesOf(member));
    expect(body.items.map((item) => pickContract(item as never))).toEqual(engine.metrics);
    expect(body.items.map((item) => item.belowTargetStreak)).toEqual(engine.streaks);
  });

  it('serves every week of the range, zeros for weeks without entries, and defaults to the 26 weeks up to now', async () => {
    const member = await memberWithMonth();
    const body = await weeks(member, 'from=2026-W01&to=2026-W10');
    expect(body.items).toHaveLength(10);
    expect(body.items[0]).toMatchObject({ week: '2026-W01', makerMinutes: 0, makerShare: null, signals: [] });

    const defaults = await weeks(member, '');
    expect(defaults.items).toHaveLength(26);
    expect(defaults.to).toBe(defaults.items.at(-1)?.week);

    const leapWeek = await weeks(member, 'from=2026-W53&to=2026-W53');
    expect(leapWeek.items.map((item) => item.week)).toEqual(['2026-W53']);
  });

  it.each([
    ['from=2026-W54&to=2026-W60', 'querystring.from'],
    ['from=2025-W53&to=2026-W02', 'querystring.from'],
    ['from=2026-6&to=2026-W09', 'querystring.from'],
    ['from=2026-W09&to=2026-W06', 'querystring.to'],
    ['from=2024-W01&to=2026-W01', 'querystring.to'],
    ['from=2020-W01', 'querystring.from'],
  ])('answers 400 for %s', async (query, where) => {
    const member = await createMemberWithToken(app());
    const response = await app().inject({
      method: 'GET',
      url: `/api/v1/me/weeks?${query}`,
      headers: member.headers,
    });
    expect(response.statusCode).toBe(400);
    const error = response.json().error;
    expect(error.code).toBe('validation_failed');
    expect(error.message).toContain(`Invalid ${where}`);
  });

  it('names the limit when a range is too long', async () => {
    const member = await createMemberWithToken(app());
    const response = await app().inject({
      method: 'GET',
      url: '/api/v1/me/weeks?from=2024-W01&to=2026-W01',
      headers: member.headers,
    });
    expect(response.json().error.issues).toEqual([
      {
        path: ['querystring', 'to'],
        message: 'the range may span at most 104 weeks; 2024-W01 to 2026-W01 is 105',
      },
    ]);
  });

  it('reflects reclassification at once: an entry override, then a series override', async () => {
    const member = await memberWithMonth();
    const entries = await entriesOf(member);
    const review = entries.find((e) => e.title === 'Design review' && e.start.startsWith('2026-02-24'));
    const oneOnOne = entries.find((e) => e.seriesId === ONE_ON_ONE);
    if (!review || !oneOnOne) throw new Error('fixture entries missing');

    const patched = await app().inject({
      method: 'PATCH',
      url: `/api/v1/entries/${review.id}`,
      headers: member.headers,
      payload: { category: 'maker' },
    });
    expect(patched.statusCode).toBe(200);
    const afterEntry = (await weeks(member)).items[3];
    expect(afterEntry).toMatchObject({
      week: '2026-W09',
      makerMinutes: 60,
      managerMinutes: 90,
      makerShare: 0.4,
    });
    expect(afterEntry?.signals.map((s) => s.code)).toEqual(['maker_share_below_target', 'deep_work_floor']);

    await app().inject({
      method: 'PATCH',
      url: `/api/v1/entries/${oneOnOne.id}`,
      headers: member.headers,
      payload: { category: 'neutral', scope: 'series' },
    });
    const afterSeries = (await weeks(member)).items;
    expect(afterSeries[0]).toMatchObject({ managerMinutes: 120, neutralMinutes: 30, focusCostMinutes: 60 });
    expect(afterSeries[1]).toMatchObject({ managerMinutes: 450, neutralMinutes: 30 });
    // Still exactly what the engine computes from the reclassified entries.
    const engine = engineWeeks(await entriesOf(member));
    expect(afterSeries.map((item) => pickContract(item as never))).toEqual(engine.metrics);
  });

  it('does not count another member’s facts', async () => {
    const member = await memberWithMonth();
    const colleague = await createMemberWithToken(app(), { orgId: member.orgId, timeZone: MONTH_ZONE });
    const body = await weeks(colleague);
    expect(body.items.every((item) => item.makerMinutes === 0 && item.managerMinutes === 0)).toBe(true);
  });
});

describe('GET /api/v1/me/weeks/:week', () => {
  const { app } = useTestApp();

  it('serves the week by day with focus costs, series ranked by focus cost with titles, entries, and the metrics', async () => {
    const member = await createMemberWithToken(app(), { timeZone: MONTH_ZONE });
    await app().inject({
      method: 'POST',
      url: '/api/v1/entries/bulk',
      headers: member.headers,
      payload: { entries: MONTH },
    });

    const response = await app().inject({
      method: 'GET',
      url: '/api/v1/me/weeks/2026-W06',
      headers: member.headers,
    });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({
      memberId: member.memberId,
      week: '2026-W06',
      timeZone: MONTH_ZONE,
      titlesShown: true,
    });
    expect(body.days.map((day: { facts: { date: string } }) => day.facts.date)).toEqual(
      datesOfIsoWeek('2026-W06'),
    );

    const tuesday = body.days[1].facts;
    expect(tuesday.meetings).toEqual([
      expect.objectContaining({
        start: '2026-02-03T09:00:00.000Z',
        minutes: 60,
        subtype: 'review',
        focusCostMinutes: 60,
      }),
    ]);
    expect(tuesday.capacityBlocks).toEqual([
      { start: '2026-02-03T10:00:00.000Z', end: '2026-02-03T16:00:00.000Z', minutes: 360 },
    ]);
    const wednesday = body.days[2];
    expect(wednesday.facts.makerBlocks).toEqual([
      { start: '2026-02-04T08:00:00.000Z', end: '2026-02-04T16:00:00.000Z', minutes: 480, deep: true },
    ]);
    expect(wednesday.timeline).toEqual([expect.objectContaining({ category: 'maker', minutes: 480 })]);

    expect(body.series).toEqual([
      { seriesId: ONE_ON_ONE, occurrences: 1, managerMinutes: 30, focusCostMinutes: 60, title: '1:1 Alex' },
      { seriesId: SYNC, occurrences: 2, managerMinutes: 60, focusCostMinutes: 0, title: 'Team sync' },
    ]);
    expect(body.entries).toHaveLength(11);
    expect(body.entries[0]).toMatchObject({
      title: 'Focus time',
      category: 'maker',
      reason: expect.stringContaining('focus'),
    });

    const series = await app().inject({
      method: 'GET',
      url: '/api/v1/me/weeks?from=2026-W06&to=2026-W06',
      headers: member.headers,
    });
    expect(body.metrics).toEqual(series.json().items[0]);
  });

  it('answers 400 for a week that does not exist', async () => {
    const member = await createMemberWithToken(app());
    const response = await app().inject({
      method: 'GET',
      url: '/api/v1/me/weeks/2025-W53',
      headers: member.headers,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toContain('Invalid params.week');
  });
});
