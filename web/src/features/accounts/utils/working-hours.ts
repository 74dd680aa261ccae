import type { IsoWeekday, TimeRange, WorkingHours } from '@tiltmeter/shared/metrics';

export const WEEKDAY_NAMES: Record<IsoWeekday, string> = {
  '1': 'Monday',
  '2': 'Tuesday',
  '3': 'Wednesday',
  '4': 'Thursday',
  '5': 'Friday',
  '6': 'Saturday',
  '7': 'Sunday',
};

/**
 * What a person types into a time field, as `HH:MM` when it can be read as one: "9" → "09:00",
 * "930" → "09:30", "9.30" → "09:30", "17:5" stays as typed (the schema will say what is wrong).
 */
export function normaliseClockTime(text: string): string {
  const trimmed = text.trim();
  let match = /^(\d{1,2})$/.exec(trimmed);
  if (match) return `${match[1]?.padStart(2, '0')}:00`;
  match = /^(\d{1,2})[:.h](\d{2})$/.exec(trimmed);
  if (match) return `${match[1]?.padStart(2, '0')}:${match[2]}`;
  match = /^(\d{1,2})(\d{2})$/.exec(trimmed);
  if (match) return `${match[1]?.padStart(2, '0')}:${match[2]}`;
  return trimmed;
}

function minutesOf(time: string): number | null {
  const match = /^(\d{2}):(\d{2})$/.exec(time);
  if (!match) return null;
  return Number(match[1]) * 60 + Number(match[2]);
}

/** Minutes of working time a week (ranges that do not parse count nothing). */
export function weeklyMinutes(hours: WorkingHours): number {
  let total = 0;
  for (const ranges of Object.values(hours) as TimeRange[][]) {
    for (const range of ranges) {
      const start = minutesOf(range.start);
      const end = minutesOf(range.end);
      if (start !== null && end !== null && end > start) total += end - start;
    }
  }
  return total;
}

export function formatHours(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}
