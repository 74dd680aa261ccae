import { addIsoWeeks, formatWeekSpan } from '../../../lib/iso-week.ts';
import { SPRINT_LENGTHS } from './search.ts';

export interface SprintPeriod {
  from: string;
  to: string;
  weeks: number;
  /** "2026-W46 – 2026-W47" */
  label: string;
  /** "9 – 22 Nov 2026" */
  span: string;
}

function period(from: string, to: string, weeks: number): SprintPeriod {
  return { from, to, weeks, label: from === to ? from : `${from} – ${to}`, span: formatWeekSpan(from, to) };
}

/** The sprint under review (ending with `end`) and the one before it, each `weeks` long. */
export function sprintPeriods(end: string, weeks: number): { current: SprintPeriod; previous: SprintPeriod } {
  const currentFrom = addIsoWeeks(end, -(weeks - 1));
  const previousTo = addIsoWeeks(currentFrom, -1);
  const previousFrom = addIsoWeeks(previousTo, -(weeks - 1));
  return { current: period(currentFrom, end, weeks), previous: period(previousFrom, previousTo, weeks) };
}

/** A team's sprint length in whole weeks, from its `sprintDays`, as one of the offered lengths. */
export function sprintWeeksOf(sprintDays: number | undefined): number {
  const weeks = Math.max(1, Math.round((sprintDays ?? 14) / 7));
  return SPRINT_LENGTHS.reduce(
    (best, length) => (Math.abs(length - weeks) < Math.abs(best - weeks) ? length : best),
    2,
  );
}
