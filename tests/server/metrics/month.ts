/**
 * A constructed month of one member's entries in Europe/Berlin (UTC+1 in February), whose weekly
 * numbers are worked out by hand in the comments:
 *
 * - 2026-W06: a good week. Maker 1380, manager 150 (share 0.902), 7 deep blocks, one meeting-free day
 *   (Wednesday), 120 min after hours (Friday evening) and 120 on Saturday (the weekend signal).
 * - 2026-W07: a meeting week. Monday has 300 manager minutes (a heavy day); maker 120 of 600 (0.2,
 *   below the 50 % target), one deep block (below the floor of 2). Friday has no entries at all and
 *   still counts as meeting-free.
 * - 2026-W08: a holiday: no entries, no signals, the below-target streak carries.
 * - 2026-W09: meetings only: a zero-maker week (critical), no deep block.
 */
export const MONTH_ZONE = 'Europe/Berlin';

export interface MonthEntry {
  externalUid: string;
  title: string;
  start: string;
  end: string;
  timeZone: string;
  attendees: number;
  seriesId?: string;
}

const local = (date: string, time: string) => new Date(`${date}T${time}:00+01:00`).toISOString();

function entry(
  date: string,
  from: string,
  to: string,
  title: string,
  attendees = 0,
  seriesId?: string,
): MonthEntry {
  return {
    externalUid: `${date}-${from}-${title}`,
    title,
    start: local(date, from),
    end: local(date, to),
    timeZone: MONTH_ZONE,
    attendees,
    ...(seriesId ? { seriesId } : {}),
  };
}

export const SYNC = 'series-team-sync';
export const ONE_ON_ONE = 'series-1on1-alex';

export const MONTH: MonthEntry[] = [
  // 2026-W06
  entry('2026-02-02', '09:00', '12:00', 'Focus time'),
  entry('2026-02-02', '12:00', '12:30', 'Team sync', 6, SYNC),
  entry('2026-02-02', '13:00', '17:00', 'Focus time'),
  entry('2026-02-03', '10:00', '11:00', 'Design review', 4),
  entry('2026-02-03', '14:00', '16:00', 'Coding'),
  entry('2026-02-04', '09:00', '17:00', 'Focus time'),
  entry('2026-02-05', '10:00', '10:30', '1:1 Alex', 2, ONE_ON_ONE),
  entry('2026-02-05', '13:00', '15:00', 'Focus time'),
  entry('2026-02-06', '12:00', '12:30', 'Team sync', 6, SYNC),
  entry('2026-02-06', '19:00', '21:00', 'Coding'),
  entry('2026-02-07', '10:00', '12:00', 'Coding'),
  // 2026-W07
  entry('2026-02-09', '09:00', '12:00', 'Planning', 8),
  entry('2026-02-09', '13:00', '15:00', 'Customer call', 5),
  entry('2026-02-10', '09:00', '11:00', 'Focus time'),
  entry('2026-02-10', '11:00', '12:00', 'Design review', 4),
  entry('2026-02-11', '12:00', '12:30', 'Team sync', 6, SYNC),
  entry('2026-02-12', '10:00', '10:30', '1:1 Alex', 2, ONE_ON_ONE),
  entry('2026-02-12', '15:00', '16:00', 'Retro', 6),
  // 2026-W08: holiday
  // 2026-W09
  entry('2026-02-23', '12:00', '12:30', 'Team sync', 6, SYNC),
  entry('2026-02-23', '14:00', '15:00', 'Interview', 3),
  entry('2026-02-24', '10:00', '11:00', 'Design review', 4),
];
