/**
 * How the dashboard writes numbers: shares as whole percentages with a thin space ("42 %", as the
 * server's signal messages do), durations in hours and minutes, drift in points. One place, so every
 * page, table and export says the same thing about the same value.
 */

/** "42 %" for 0.42; "–" for null (no maker or manager time at all). */
export function formatShare(share: number | null | undefined, empty = '–'): string {
  if (share === null || share === undefined || Number.isNaN(share)) return empty;
  return `${Math.round(share * 100)} %`;
}

/** "5 h 30 min", "45 min", "0 h". */
export function formatMinutes(minutes: number): string {
  const rounded = Math.round(minutes);
  if (rounded === 0) return '0 h';
  const hours = Math.floor(rounded / 60);
  const rest = rounded % 60;
  if (hours === 0) return `${rest} min`;
  if (rest === 0) return `${hours} h`;
  return `${hours} h ${rest} min`;
}

/** "5.5 h" for compact places (chart axes, table cells); whole hours lose the decimal. */
export function formatHours(minutes: number): string {
  const hours = minutes / 60;
  const text = hours >= 100 ? Math.round(hours).toString() : (Math.round(hours * 10) / 10).toString();
  return `${text} h`;
}

/** "+4 points", "−12 points" (a real minus sign), "no change". */
export function formatPoints(points: number, unit = 'points'): string {
  const rounded = Math.round(points);
  if (rounded === 0) return 'no change';
  const single = Math.abs(rounded) === 1 ? unit.replace(/s$/, '') : unit;
  return `${rounded > 0 ? '+' : '−'}${Math.abs(rounded)} ${single}`;
}

/** "1.5" or "2": one decimal at most, none when whole. */
export function formatDecimal(value: number | null | undefined, empty = '–'): string {
  if (value === null || value === undefined || Number.isNaN(value)) return empty;
  return (Math.round(value * 10) / 10).toString();
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
