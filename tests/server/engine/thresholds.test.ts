import {
  type ResolvedThresholds,
  ResolvedThresholdsSchema,
  type ThresholdKey,
  ThresholdOverridesSchema,
  ThresholdsSchema,
} from '@tiltmeter/shared';
import { describe, expect, it } from 'vitest';
import { resolveThresholds, type ThresholdLayers } from '../../../server/src/engine/index.ts';

/** `key: value @layer[/profile]` for the given keys, so a table row reads like the settings page. */
function summary(resolved: ResolvedThresholds, keys: ThresholdKey[]): string[] {
  return keys.map((key) => {
    const source = resolved.sources[key];
    return `${key}: ${resolved.values[key]} @${source.layer}${source.profile ? `/${source.profile}` : ''}`;
  });
}

describe('resolveThresholds: defaults', () => {
  it('gives every threshold of the brief with its default source and origin', () => {
    const resolved = resolveThresholds();
    expect(resolved.profile).toBe('hybrid');
    expect(resolved.values).toEqual({
      targetMakerShare: 0.5,
      minDeepBlocksPerWeek: 2,
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
    });
    expect(Object.values(resolved.sources).every((s) => s.layer === 'default')).toBe(true);
    expect(resolved.sources.heavyMeetingDayMinutes.origin).toContain('spending 5 hours on meetings');
    expect(resolved.sources.zeroMakerMinutes.origin).toContain('a single line of code for an entire week');
    expect(resolved.sources.burnoutWeeks.origin).toContain('after six months');
    expect(resolved.sources.weekendMinutes.origin).toContain('Worklytics');
    expect(resolved.sources.afterHoursMinutesPerWeek.origin).toContain('Viva Insights');
    expect(ResolvedThresholdsSchema.parse(resolved)).toEqual(resolved);
  });

  it.each([
    ['maker', ['targetMakerShare: 0.7 @default/maker', 'minDeepBlocksPerWeek: 5 @default/maker']],
    ['hybrid', ['targetMakerShare: 0.5 @default/hybrid', 'minDeepBlocksPerWeek: 2 @default/hybrid']],
    ['manager', ['targetMakerShare: 0.3 @default/manager', 'minDeepBlocksPerWeek: 2 @default/manager']],
  ] as const)('the %s profile sets the targets', (profile, expected) => {
    expect(summary(resolveThresholds({ profile }), ['targetMakerShare', 'minDeepBlocksPerWeek'])).toEqual(
      expected,
    );
  });
});

describe('resolveThresholds: layering org -> team -> member', () => {
  it.each<[string, ThresholdLayers, ThresholdKey[], string[]]>([
    [
      'each layer overrides the wider one, key by key',
      {
        org: { heavyMeetingDayMinutes: 360, weekendMinutes: 120, driftPoints: 15 },
        team: { heavyMeetingDayMinutes: 240, weekendMinutes: 60 },
        member: { heavyMeetingDayMinutes: 180 },
      },
      ['heavyMeetingDayMinutes', 'weekendMinutes', 'driftPoints', 'burnoutWeeks'],
      [
        'heavyMeetingDayMinutes: 180 @member',
        'weekendMinutes: 60 @team',
        'driftPoints: 15 @org',
        'burnoutWeeks: 26 @default',
      ],
    ],
    [
      'a flat org target beats the built-in profile target',
      { profile: 'maker', org: { targetMakerShare: 0.6 } },
      ['targetMakerShare', 'minDeepBlocksPerWeek'],
      ['targetMakerShare: 0.6 @org', 'minDeepBlocksPerWeek: 5 @default/maker'],
    ],
    [
      'an org profile target applies to members of that profile only (maker)',
      { profile: 'maker', org: { profiles: { maker: { targetMakerShare: 0.65, minDeepBlocksPerWeek: 4 } } } },
      ['targetMakerShare', 'minDeepBlocksPerWeek'],
      ['targetMakerShare: 0.65 @org/maker', 'minDeepBlocksPerWeek: 4 @org/maker'],
    ],
    [
      'an org profile target applies to members of that profile only (hybrid)',
      { profile: 'hybrid', org: { profiles: { maker: { targetMakerShare: 0.65 } } } },
      ['targetMakerShare'],
      ['targetMakerShare: 0.5 @default/hybrid'],
    ],
    [
      'within one layer the profile value beats the flat value',
      {
        profile: 'manager',
        org: { targetMakerShare: 0.45, profiles: { manager: { targetMakerShare: 0.35 } } },
      },
      ['targetMakerShare'],
      ['targetMakerShare: 0.35 @org/manager'],
    ],
    [
      'a narrower flat value beats a wider profile value',
      {
        profile: 'maker',
        org: { profiles: { maker: { targetMakerShare: 0.65 } } },
        team: { targetMakerShare: 0.55 },
      },
      ['targetMakerShare'],
      ['targetMakerShare: 0.55 @team'],
    ],
    [
      "a manager's personal target",
      { profile: 'manager', org: { targetMakerShare: 0.5 }, member: { targetMakerShare: 0.25 } },
      ['targetMakerShare', 'minDeepBlocksPerWeek'],
      ['targetMakerShare: 0.25 @member', 'minDeepBlocksPerWeek: 2 @default/manager'],
    ],
    [
      'the half-day block length set for a team',
      { team: { deepBlockMinutes: 240 } },
      ['deepBlockMinutes'],
      ['deepBlockMinutes: 240 @team'],
    ],
    [
      'unset and empty layers fall through',
      { org: null, team: {}, member: { heavyMeetingDayMinutes: undefined } },
      ['heavyMeetingDayMinutes'],
      ['heavyMeetingDayMinutes: 300 @default'],
    ],
  ])('%s', (_name, layers, keys, expected) => {
    const resolved = resolveThresholds(layers);
    expect(summary(resolved, keys)).toEqual(expected);
    // Wherever a value was set, the brief's reason for the threshold stays with it.
    for (const key of keys) expect(resolved.sources[key].origin.length).toBeGreaterThan(10);
  });
});

describe('threshold schemas', () => {
  it.each([
    ['a block length the product does not offer', { deepBlockMinutes: 90 }],
    ['a share above 1', { targetMakerShare: 1.2 }],
    ['a negative weekend allowance', { weekendMinutes: -1 }],
    ['an unknown profile', { profiles: { founder: { targetMakerShare: 0.9 } } }],
  ])('overrides reject %s', (_name, overrides) => {
    expect(ThresholdOverridesSchema.safeParse(overrides).success).toBe(false);
  });

  it('accepts partial overrides', () => {
    expect(
      ThresholdOverridesSchema.parse({
        heavyMeetingDayMinutes: 360,
        profiles: { maker: { targetMakerShare: 0.65 } },
      }),
    ).toEqual({ heavyMeetingDayMinutes: 360, profiles: { maker: { targetMakerShare: 0.65 } } });
  });

  it.each([
    ['more after-hours weeks than the window holds', { afterHoursWeeks: 5, afterHoursWindowWeeks: 4 }],
    ['a sustained tilt longer than the burnout pattern', { sustainedTiltWeeks: 30 }],
  ])('a merged set is incoherent with %s', (_name, overrides) => {
    const resolved = resolveThresholds({ org: overrides });
    expect(ThresholdsSchema.safeParse(resolved.values).success).toBe(false);
  });
});
