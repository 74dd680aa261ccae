import { isoWeekExists, isoWeekOrdinal, WeekRangeQuerySchema, weekRangeProblem } from '@tiltmeter/shared';
import { describe, expect, it } from 'vitest';

describe('ISO weeks in queries', () => {
  it('knows which years have a week 53', () => {
    expect(isoWeekExists('2026-W53')).toBe(true);
    expect(isoWeekExists('2020-W53')).toBe(true);
    expect(isoWeekExists('2025-W53')).toBe(false);
    expect(isoWeekExists('2026-W00')).toBe(false);
    expect(isoWeekExists('2026-5')).toBe(false);
  });

  it('counts weeks across year ends', () => {
    expect(isoWeekOrdinal('2027-W01') - isoWeekOrdinal('2026-W53')).toBe(1);
    expect(isoWeekOrdinal('2026-W01') - isoWeekOrdinal('2025-W52')).toBe(1);
    expect(isoWeekOrdinal('2026-W01') - isoWeekOrdinal('2024-W01')).toBe(104);
  });

  it('accepts ranges of 1 to 104 weeks, in order', () => {
    expect(weekRangeProblem('2026-W05', '2026-W05')).toBeNull();
    expect(weekRangeProblem('2024-W02', '2026-W01')).toBeNull();
    expect(weekRangeProblem('2024-W01', '2026-W01')?.message).toBe(
      'the range may span at most 104 weeks; 2024-W01 to 2026-W01 is 105',
    );
    expect(weekRangeProblem('2026-W05', '2026-W04')).toEqual({
      path: 'to',
      message: 'must not be before from (2026-W05)',
    });
    expect(WeekRangeQuerySchema.safeParse({ from: '2026-W05', to: '2026-W04' }).success).toBe(false);
    expect(WeekRangeQuerySchema.safeParse({ from: '2026-W05' }).success).toBe(true);
  });
});
