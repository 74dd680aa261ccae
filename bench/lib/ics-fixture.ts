import { between, pick, randomFor } from '../../server/src/demo/prng.ts';

/**
 * Synthetic iCalendar files shaped like real exports (Google, Outlook): VTIMEZONE blocks, TZID'd
 * times, organizers and attendee lists, long folded descriptions with meeting-link boilerplate,
 * recurring series with EXDATEs and moved instances (RECURRENCE-ID), cancelled and all-day events.
 * Deterministic for a seed.
 */

const DAY_MS = 86_400_000;
const ZONES = ['Europe/Berlin', 'America/New_York'] as const;

const VTIMEZONES = `BEGIN:VTIMEZONE
TZID:Europe/Berlin
BEGIN:DAYLIGHT
TZOFFSETFROM:+0100
TZOFFSETTO:+0200
TZNAME:CEST
DTSTART:19700329T020000
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU
END:DAYLIGHT
BEGIN:STANDARD
TZOFFSETFROM:+0200
TZOFFSETTO:+0100
TZNAME:CET
DTSTART:19701025T030000
RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU
END:STANDARD
END:VTIMEZONE
BEGIN:VTIMEZONE
TZID:America/New_York
BEGIN:DAYLIGHT
TZOFFSETFROM:-0500
TZOFFSETTO:-0400
TZNAME:EDT
DTSTART:19700308T020000
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU
END:DAYLIGHT
BEGIN:STANDARD
TZOFFSETFROM:-0400
TZOFFSETTO:-0500
TZNAME:EST
DTSTART:19701101T020000
RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU
END:STANDARD
END:VTIMEZONE
`;

const TITLES = [
  'Design review',
  'Quick sync',
  'Customer call: onboarding feedback',
  'Focus time',
  'Coding',
  'Interview: system design',
  'Incident postmortem',
  'Architecture discussion',
  'Lunch',
  'Code review',
  'Roadmap review',
  'Pairing session',
];
const SERIES_TITLES = ['Daily standup', 'Team sync', '1:1', 'Sprint planning', 'Sprint retro', 'All hands'];
const PEOPLE = ['alice', 'bob', 'carol', 'dave', 'erin', 'frank', 'grace', 'heidi', 'ivan', 'judy'];

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Local wall-clock `YYYYMMDDTHHMMSS` of a UTC-calendar day plus minutes (the TZID says which zone). */
function wall(dayMs: number, minutes: number): string {
  const d = new Date(dayMs + minutes * 60_000);
  return `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}00`;
}
const dateOnly = (dayMs: number) => wall(dayMs, 0).slice(0, 8);

/** RFC 5545 folding: lines longer than 75 octets continue on lines starting with a space. */
function fold(line: string): string {
  if (line.length <= 75) return line;
  const parts = [line.slice(0, 75)];
  for (let i = 75; i < line.length; i += 74) parts.push(` ${line.slice(i, i + 74)}`);
  return parts.join('\r\n');
}

const BOILERPLATE =
  'Join the meeting: https://meet.example.com/abc-defg-hij\\n\\nMeeting ID: 845 2231 9987\\nPasscode: 552311\\n\\n' +
  'One tap mobile: +14155550100\\,\\,84522319987# US\\n\\nJoin by phone: +1 415 555 0100\\n' +
  'Find your local number: https://meet.example.com/u/kdJ0s\\n\\nThis invitation was sent by the organizer. ' +
  'Forwarding it may allow anyone to join. Learn more at https://support.example.com/meetings/invitations.';

export interface IcsFixtureOptions {
  seed: number;
  /** Single (non-recurring) events. */
  singles: number;
  /** Recurring series (weekly, fortnightly or every weekday), each with EXDATEs. */
  series: number;
  /** Moved or retitled instances of those series (RECURRENCE-ID). */
  overrides: number;
  /** Events are spread over [now - daysBack, now + daysAhead). */
  daysBack: number;
  daysAhead: number;
  /** Repeats of the meeting-link boilerplate in each description (0: no description). */
  descriptionRepeats: number;
  /** Series end (UNTIL) between three months and this many years after they start; unset: never. */
  seriesYears?: number;
  now: Date;
}

export interface IcsFixture {
  text: string;
  /** VEVENT components in the file. */
  events: number;
}

/** A calendar of `singles + series + overrides` VEVENTs. */
export function icsFixture(options: IcsFixtureOptions): IcsFixture {
  const random = randomFor('ics', options.seed);
  const today = Math.floor(options.now.getTime() / DAY_MS) * DAY_MS;
  const span = options.daysBack + options.daysAhead;
  const out: string[] = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Tiltmeter bench//EN',
    'X-WR-CALNAME:Bench calendar',
    VTIMEZONES.trimEnd().replaceAll('\n', '\r\n'),
  ];
  const description = options.descriptionRepeats > 0 ? BOILERPLATE.repeat(options.descriptionRepeats) : '';
  const people = (count: number, organizer: string) => {
    const lines = [fold(`ORGANIZER;CN=${organizer}:mailto:${organizer}@example.test`)];
    for (let i = 0; i < count; i++) {
      const who = PEOPLE[(PEOPLE.indexOf(organizer) + i + 1) % PEOPLE.length] as string;
      lines.push(
        fold(`ATTENDEE;CN=${who};ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED:mailto:${who}@example.test`),
      );
    }
    return lines;
  };
  const event = (lines: string[]) => {
    out.push('BEGIN:VEVENT', ...lines, 'END:VEVENT');
  };
  let events = 0;

  for (let i = 0; i < options.singles; i++) {
    const day = today + (Math.floor(random() * span) - options.daysBack) * DAY_MS;
    const zone = pick(random, ZONES);
    const uid = `single-${options.seed}-${i}@bench.example.test`;
    const lines = [`UID:${uid}`, 'DTSTAMP:20260101T000000Z'];
    if (random() < 0.03) {
      lines.push(`DTSTART;VALUE=DATE:${dateOnly(day)}`, `DTEND;VALUE=DATE:${dateOnly(day + DAY_MS)}`);
      lines.push('SUMMARY:Out of office', 'TRANSP:TRANSPARENT');
    } else {
      const start = 8 * 60 + 15 * between(random, 0, 36);
      const minutes = pick(random, [15, 30, 30, 45, 60, 60, 90, 120]);
      lines.push(
        `DTSTART;TZID=${zone}:${wall(day, start)}`,
        `DTEND;TZID=${zone}:${wall(day, start + minutes)}`,
        fold(`SUMMARY:${pick(random, TITLES)}`),
        ...people(between(random, 0, 6), pick(random, PEOPLE)),
      );
      if (random() < 0.02) lines.push('STATUS:CANCELLED');
    }
    if (description) lines.push(fold(`DESCRIPTION:${description}`));
    lines.push(`LOCATION:Room ${between(random, 1, 40)}`);
    event(lines);
    events++;
  }

  const seriesStarts: { uid: string; zone: string; day: number; start: number; minutes: number }[] = [];
  for (let i = 0; i < options.series; i++) {
    const zone = pick(random, ZONES);
    // Series begin somewhere in the first half of the span and run on into the future.
    const day = today - Math.floor(random() * options.daysBack) * DAY_MS;
    const start = 9 * 60 + 30 * between(random, 0, 14);
    const minutes = pick(random, [15, 30, 30, 45, 60]);
    const uid = `series-${options.seed}-${i}@bench.example.test`;
    // Mostly weekly and fortnightly; a few every weekday (standups).
    const roll = random();
    const until = options.seriesYears
      ? `;UNTIL=${dateOnly(day + Math.floor((0.25 + random() * (options.seriesYears - 0.25)) * 365) * DAY_MS)}T235959Z`
      : '';
    const rule =
      roll < 0.45
        ? `RRULE:FREQ=WEEKLY${until}`
        : roll < 0.9
          ? `RRULE:FREQ=WEEKLY;INTERVAL=2${until}`
          : `RRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR${until}`;
    const exdates = Array.from(
      { length: between(random, 1, 3) },
      (_, k) => `EXDATE;TZID=${zone}:${wall(day + (k + 1) * 14 * DAY_MS, start)}`,
    );
    event([
      `UID:${uid}`,
      'DTSTAMP:20260101T000000Z',
      `DTSTART;TZID=${zone}:${wall(day, start)}`,
      `DTEND;TZID=${zone}:${wall(day, start + minutes)}`,
      rule,
      ...exdates,
      fold(`SUMMARY:${pick(random, SERIES_TITLES)}`),
      ...people(between(random, 1, 7), pick(random, PEOPLE)),
      ...(description ? [fold(`DESCRIPTION:${description}`)] : []),
    ]);
    seriesStarts.push({ uid, zone, day, start, minutes });
    events++;
  }

  for (let i = 0; i < options.overrides && seriesStarts.length > 0; i++) {
    const series = seriesStarts[i % seriesStarts.length] as (typeof seriesStarts)[number];
    // The k-th week's occurrence, moved by an hour (weekly rules always have one that day).
    const week = 3 + Math.floor(i / seriesStarts.length) * 2;
    const original = series.day + week * 7 * DAY_MS;
    event([
      `UID:${series.uid}`,
      `RECURRENCE-ID;TZID=${series.zone}:${wall(original, series.start)}`,
      'DTSTAMP:20260102T000000Z',
      `DTSTART;TZID=${series.zone}:${wall(original, series.start + 60)}`,
      `DTEND;TZID=${series.zone}:${wall(original, series.start + 60 + series.minutes)}`,
      'SUMMARY:Moved: team sync',
      'SEQUENCE:1',
    ]);
    events++;
  }

  out.push('END:VCALENDAR', '');
  return { text: out.join('\r\n'), events };
}

/**
 * 10,000 VEVENTs over the default import window, as a busy person's last year exports: 9,600 single
 * events, 150 open-ended series (weekly, fortnightly, a few every weekday) and 250 moved instances.
 */
export function tenThousandEventCalendar(now: Date): IcsFixture {
  return icsFixture({
    seed: 10_000,
    singles: 9_600,
    series: 150,
    overrides: 250,
    daysBack: 360,
    daysAhead: 90,
    descriptionRepeats: 0,
    now,
  });
}

/**
 * A calendar of at most `bytes` bytes: ten years of history with invitation boilerplate in every
 * description, as a long-time Outlook user's full export; most of it lies before the import window.
 */
export function largeCalendar(now: Date, bytes: number): IcsFixture {
  // About 940 bytes per single event with one boilerplate description; trimmed to fit below.
  const options = {
    seed: 50,
    singles: Math.round(bytes / 940),
    series: 300,
    overrides: 300,
    daysBack: 3650,
    daysAhead: 90,
    descriptionRepeats: 1,
    seriesYears: 3,
    now,
  };
  for (;;) {
    const fixture = icsFixture(options);
    if (Buffer.byteLength(fixture.text) <= bytes) return fixture;
    options.singles = Math.floor(options.singles * 0.98);
  }
}
