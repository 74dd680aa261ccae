import type { IsoWeek } from '@tiltmeter/shared';
import { datesOfIsoWeek, dayBounds, localDateOf, localTimeToInstant } from '../engine/time.ts';
import type { IncomingEntry } from '../modules/entries/entry-writer.ts';
import { pick, type Random } from './prng.ts';

/**
 * A pure calendar generator: one person's week of calendar entries from a plan (how much of the day
 * goes to meetings, which standing meetings they attend, what they protect). Titles are the ones real
 * calendars carry, so the default rules classify them as they would real entries. Used by the demo
 * organization and by benchmarks; given the same inputs and seed it returns the same entries.
 */

const MINUTE_MS = 60_000;
/** The day is planned in 15-minute slots from 09:00 to 17:00 local time. */
const SLOT_MINUTES = 15;
const DAY_START_MINUTES = 9 * 60;
const SLOTS = (8 * 60) / SLOT_MINUTES;
const LUNCH_SLOTS = [12, 13, 14, 15]; // 12:00-13:00

/** A standing meeting: at a local time in its organizer's zone, on everyone's calendar at that instant. */
export interface Ritual {
  seriesId: string;
  title: string;
  /** ISO weekday (1 = Monday) in `zone`. */
  weekday: number;
  /** `HH:MM` in `zone`. */
  start: string;
  minutes: number;
  zone: string;
  participants: readonly string[];
  organizer: string;
  /** Weekly (1), or every other week (2) on weeks whose index has the parity `parity`. */
  every: 1 | 2;
  parity?: 0 | 1;
}

export interface AdHocMeeting {
  title: string;
  attendees: number;
}

export interface WeekPlan {
  /** On leave: the week holds only all-day "Vacation" entries (excluded from every metric). */
  off: boolean;
  /** The share of daytime maker + manager time the week should end up with (standing meetings included). */
  makerShare: number;
  /** Every free daytime minute goes to meetings: no maker time at all. */
  zeroMaker: boolean;
  /** Weekdays (1-5) on which no extra meetings are booked (a team's "no-meeting Wednesday"). */
  protectedWeekdays: readonly number[];
  /** `edges` books extra meetings next to other meetings or the day's ends (protecting long blocks). */
  placement: 'edges' | 'anywhere';
  adHoc: readonly AdHocMeeting[];
  makerTitles: readonly string[];
  /** Evenings (20:00-21:30) of maker work catching up. */
  lateEvenings: number;
  /** A Saturday morning (10:00-12:00) of work. */
  saturday: boolean;
}

export interface CalendarOwner {
  key: string;
  timeZone: string;
}

interface Day {
  date: string;
  /** What holds each slot: null is free. */
  slots: (string | null)[];
}

const clock = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

export function generateWeek(
  owner: CalendarOwner,
  week: IsoWeek,
  plan: WeekPlan,
  rituals: readonly Ritual[],
  random: Random,
): IncomingEntry[] {
  const { timeZone } = owner;
  const dates = datesOfIsoWeek(week);
  const entries: IncomingEntry[] = [];
  const add = (uid: string, start: number, end: number, title: string, extra: Partial<IncomingEntry> = {}) =>
    entries.push({
      externalUid: `${owner.key}/${uid}`,
      title,
      start: new Date(start),
      end: new Date(end),
      timeZone,
      allDay: false,
      attendees: 0,
      organizer: true,
      rsvp: 'accepted',
      showAs: 'busy',
      status: 'confirmed',
      seriesId: null,
      ...extra,
    });
  const at = (date: string, minutes: number) => localTimeToInstant(date, clock(minutes), timeZone);
  const addLocal = (
    date: string,
    from: number,
    to: number,
    title: string,
    extra: Partial<IncomingEntry> = {},
  ) => add(`${date}/${clock(from)}`, at(date, from), at(date, to), title, extra);

  if (plan.off) {
    for (const date of dates.slice(0, 5)) {
      const bounds = dayBounds(date, timeZone);
      add(`${date}/vacation`, bounds.start, bounds.end, 'Vacation', {
        allDay: true,
        showAs: 'out_of_office',
      });
    }
    return entries;
  }

  const days: Day[] = dates.slice(0, 5).map((date) => ({ date, slots: Array(SLOTS).fill(null) }));
  const dayOf = (date: string) => days.find((day) => day.date === date);
  let managerMinutes = 0;
  let windowMinutes = 0;

  // Standing meetings first: they are in the calendar before anything else is planned around them.
  for (const ritual of rituals) {
    const homeDate = dates[ritual.weekday - 1] as string;
    const start = localTimeToInstant(homeDate, ritual.start, ritual.zone);
    const end = start + ritual.minutes * MINUTE_MS;
    const localDate = localDateOf(start, timeZone);
    add(`${ritual.seriesId}/${localDate}`, start, end, ritual.title, {
      attendees: ritual.participants.length,
      organizer: ritual.organizer === owner.key,
      seriesId: ritual.seriesId,
    });
    managerMinutes += ritual.minutes;
    const day = dayOf(localDate);
    if (!day) continue;
    const offset = (start - dayBounds(localDate, timeZone).start) / MINUTE_MS - DAY_START_MINUTES;
    const first = Math.max(0, Math.floor(offset / SLOT_MINUTES));
    const last = Math.min(SLOTS, Math.ceil((offset + ritual.minutes) / SLOT_MINUTES));
    for (let slot = first; slot < last; slot++) {
      day.slots[slot] = 'meeting';
    }
  }

  for (const day of days) {
    if (random() < 0.85 && LUNCH_SLOTS.every((slot) => day.slots[slot] === null)) {
      for (const slot of LUNCH_SLOTS) day.slots[slot] = 'lunch';
      addLocal(day.date, 12 * 60, 13 * 60, 'Lunch');
    }
    windowMinutes += day.slots.filter((slot) => slot !== 'lunch').length * SLOT_MINUTES;
  }

  const bookable = days.filter((day) => !plan.protectedWeekdays.includes(days.indexOf(day) + 1));
  const book = (day: Day, from: number, length: number, meeting: AdHocMeeting) => {
    for (let slot = from; slot < from + length; slot++) day.slots[slot] = 'meeting';
    const start = DAY_START_MINUTES + from * SLOT_MINUTES;
    addLocal(day.date, start, start + length * SLOT_MINUTES, meeting.title, {
      attendees: meeting.attendees,
      organizer: random() < 0.4,
    });
    managerMinutes += length * SLOT_MINUTES;
  };
  const freeStarts = (day: Day, length: number) => {
    const starts: number[] = [];
    for (let from = 0; from + length <= SLOTS; from++) {
      if (day.slots.slice(from, from + length).every((slot) => slot === null)) starts.push(from);
    }
    return starts;
  };

  if (plan.zeroMaker) {
    // A week of nothing but meetings: every free daytime stretch is booked.
    for (const day of bookable) {
      for (let from = 0; from < SLOTS; from++) {
        if (day.slots[from] !== null) continue;
        let length = 1;
        while (length < 4 && from + length < SLOTS && day.slots[from + length] === null) length++;
        book(day, from, length, pick(random, plan.adHoc));
      }
    }
  } else {
    const target = (1 - plan.makerShare) * windowMinutes;
    for (let attempt = 0; attempt < 300 && managerMinutes < target - SLOT_MINUTES / 2; attempt++) {
      if (bookable.length === 0) break;
      const day = pick(random, bookable);
      const length = Math.min(
        pick(random, [2, 2, 3, 4]),
        Math.max(1, Math.round((target - managerMinutes) / SLOT_MINUTES)),
      );
      let starts = freeStarts(day, length);
      if (starts.length === 0) continue;
      if (plan.placement === 'edges') {
        const edge = starts.filter(
          (from) =>
            from === 0 ||
            from + length === SLOTS ||
            day.slots[from - 1] === 'meeting' ||
            day.slots[from + length] === 'meeting',
        );
        if (edge.length > 0) starts = edge;
      }
      book(day, pick(random, starts), length, pick(random, plan.adHoc));
    }
    // What is left of the day is declared as focus work, in the runs the meetings left.
    for (const day of days) {
      let from = 0;
      while (from < SLOTS) {
        if (day.slots[from] !== null) {
          from++;
          continue;
        }
        let to = from;
        while (to < SLOTS && day.slots[to] === null) to++;
        if (to - from >= 2) {
          const start = DAY_START_MINUTES + from * SLOT_MINUTES;
          addLocal(day.date, start, DAY_START_MINUTES + to * SLOT_MINUTES, pick(random, plan.makerTitles));
        }
        from = to;
      }
    }
  }

  for (let evening = 0; evening < plan.lateEvenings; evening++) {
    const day = days[(1 + 2 * evening) % days.length] as Day;
    addLocal(day.date, 20 * 60, 21 * 60 + 30, 'Catch up: code review');
  }
  if (plan.saturday) addLocal(dates[5] as string, 10 * 60, 12 * 60, 'Release weekend: coding the migration');
  return entries;
}
