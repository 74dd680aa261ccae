import { classifyEntry, type EngineEntry, type RuleConditions, type RuleSet } from '@tiltmeter/shared';
import { describe, expect, it } from 'vitest';
import { localInstant, makeEntry } from './fixtures/entries.ts';

/** One organization rule with the conditions under test; the reason shows which facts it matched. */
function reasonFor(conditions: RuleConditions, fields: Partial<EngineEntry>): string {
  const ruleSet: RuleSet = {
    teamId: null,
    rules: [
      {
        id: 'probe',
        name: 'Probe',
        enabled: true,
        position: 0,
        conditions,
        outcome: { category: 'maker', subtype: null },
      },
    ],
  };
  return classifyEntry(makeEntry(fields), [ruleSet]).reason;
}

const NO_MATCH = 'unclassified: no rule matched';
const matched = (facts: string) => `maker: ${facts} (rule "Probe")`;

/** Starts at a local clock time in a zone, for weekday and time-of-day conditions. */
const startingAt = (timeZone: string, day: string, clock: string): Partial<EngineEntry> => {
  const start = localInstant(timeZone, day, clock);
  return { timeZone, start, end: new Date(start.getTime() + 30 * 60_000) };
};
const minutesLong = (minutes: number): Partial<EngineEntry> => ({
  start: new Date('2025-03-05T09:00:00Z'),
  end: new Date(Date.parse('2025-03-05T09:00:00Z') + minutes * 60_000),
});

type Case = [name: string, conditions: RuleConditions, fields: Partial<EngineEntry>, reason: string];

const cases: Case[] = [
  // title keywords
  [
    'keyword present',
    { titleKeywords: ['standup'] },
    { title: 'Daily Standup' },
    matched('title has "standup"'),
  ],
  ['keyword absent', { titleKeywords: ['standup'] }, { title: 'Stand-in' }, NO_MATCH],
  ['keyword, no title', { titleKeywords: ['standup'] }, { title: null }, NO_MATCH],
  [
    'names the first listed keyword',
    { titleKeywords: ['sync', 'planning'] },
    { title: 'Planning sync' },
    matched('title has "sync"'),
  ],
  [
    'several keywords: word boundaries still hold per keyword',
    { titleKeywords: ['sync', 'stand-up', 'planning'] },
    { title: 'Async standup planning' },
    matched('title has "planning"'),
  ],
  [
    'several keywords, none in the title',
    { titleKeywords: ['sync', 'stand-up', 'planning'] },
    { title: 'Asynchronous standup' },
    NO_MATCH,
  ],
  // excluded keywords
  [
    'exclusion carves out a phrase',
    { titleKeywords: ['review'], excludeTitleKeywords: ['code review'] },
    { title: 'Code review' },
    NO_MATCH,
  ],
  [
    'exclusion leaves the rest',
    { titleKeywords: ['review'], excludeTitleKeywords: ['code review'] },
    { title: 'Design review' },
    matched('title has "review"'),
  ],
  [
    'exclusion alone holds silently',
    { excludeTitleKeywords: ['lunch'] },
    { title: 'Planning' },
    'maker: rule "Probe"',
  ],
  ['exclusion alone, no title', { excludeTitleKeywords: ['lunch'] }, { title: null }, 'maker: rule "Probe"'],
  ['exclusion alone, excluded', { excludeTitleKeywords: ['lunch'] }, { title: 'Team lunch' }, NO_MATCH],
  // title pattern
  [
    'pattern, case-insensitive',
    { titlePattern: '^\\[(eng|ops)\\]' },
    { title: '[ENG] weekly' },
    matched('title matches /^\\[(eng|ops)\\]/'),
  ],
  ['pattern not matching', { titlePattern: '^\\[(eng|ops)\\]' }, { title: 'Eng weekly [ops]' }, NO_MATCH],
  ['pattern, no title', { titlePattern: '.*' }, { title: null }, NO_MATCH],
  // attendees
  ['attendees at the minimum', { attendees: { min: 3 } }, { attendees: 3 }, matched('3 attendees')],
  ['attendees below the minimum', { attendees: { min: 3 } }, { attendees: 2 }, NO_MATCH],
  ['nobody invited', { attendees: { max: 1 } }, { attendees: 0 }, matched('no other attendees')],
  ['only the owner invited', { attendees: { max: 1 } }, { attendees: 1 }, matched('no other attendees')],
  ['exactly two', { attendees: { min: 2, max: 2 } }, { attendees: 2 }, matched('2 attendees')],
  ['above the maximum', { attendees: { min: 2, max: 2 } }, { attendees: 3 }, NO_MATCH],
  // organizer
  ['organized by the member', { organizer: true }, { organizer: true }, matched('you organized it')],
  ['invited', { organizer: false }, { organizer: false }, matched('organized by someone else')],
  ['organizer mismatch', { organizer: true }, { organizer: false }, NO_MATCH],
  // recurrence
  ['recurring', { recurring: true }, { seriesId: 'uid-1' }, matched('recurring')],
  ['one-off', { recurring: false }, { seriesId: null }, matched('one-off')],
  ['recurring wanted, one-off given', { recurring: true }, { seriesId: null }, NO_MATCH],
  // duration
  ['duration at the minimum', { durationMinutes: { min: 120 } }, minutesLong(120), matched('2 h')],
  ['duration just short', { durationMinutes: { min: 120 } }, minutesLong(119), NO_MATCH],
  ['short duration', { durationMinutes: { max: 30 } }, minutesLong(25), matched('25 min')],
  [
    'duration inside a range',
    { durationMinutes: { min: 60, max: 90 } },
    minutesLong(75),
    matched('1 h 15 min'),
  ],
  ['duration above a range', { durationMinutes: { min: 60, max: 90 } }, minutesLong(91), NO_MATCH],
  // RSVP
  [
    'rsvp tentative',
    { rsvp: ['tentative', 'needs_action'] },
    { rsvp: 'tentative' },
    matched('you said maybe'),
  ],
  [
    'rsvp unanswered',
    { rsvp: ['tentative', 'needs_action'] },
    { rsvp: 'needs_action' },
    matched('not answered yet'),
  ],
  ['rsvp accepted', { rsvp: ['accepted'] }, { rsvp: 'accepted' }, matched('you accepted')],
  ['rsvp mismatch', { rsvp: ['tentative'] }, { rsvp: 'accepted' }, NO_MATCH],
  // show-as
  ['shown as tentative', { showAs: ['tentative'] }, { showAs: 'tentative' }, matched('shown as tentative')],
  ['show-as mismatch', { showAs: ['tentative'] }, { showAs: 'busy' }, NO_MATCH],
  // source and calendar
  ['from CSV', { sources: ['csv'] }, { source: 'csv' }, matched('from a CSV import')],
  [
    'from a subscription',
    { sources: ['ics_url', 'ics_file'] },
    { source: 'ics_url' },
    matched('from a calendar subscription'),
  ],
  ['source mismatch', { sources: ['csv'] }, { source: 'api' }, NO_MATCH],
  ['calendar, any case', { calendars: ['Work'] }, { calendar: 'work' }, matched('calendar "work"')],
  ['other calendar', { calendars: ['Work'] }, { calendar: 'Personal' }, NO_MATCH],
  ['no calendar', { calendars: ['Work'] }, { calendar: null }, NO_MATCH],
  // weekday, in the entry's own zone
  ['weekday', { weekdays: ['3'] }, startingAt('UTC', '2025-03-05', '09:00'), matched('on Wednesday')],
  ['other weekday', { weekdays: ['3'] }, startingAt('UTC', '2025-03-04', '09:00'), NO_MATCH],
  ['Sunday is 7', { weekdays: ['6', '7'] }, startingAt('UTC', '2025-03-09', '10:00'), matched('on Sunday')],
  [
    'Wednesday 00:30 in Berlin is still Tuesday in UTC',
    { weekdays: ['3'] },
    {
      timeZone: 'Europe/Berlin',
      start: new Date('2025-03-04T23:30:00Z'),
      end: new Date('2025-03-05T00:00:00Z'),
    },
    matched('on Wednesday'),
  ],
  [
    'the same instant is Tuesday evening in New York',
    { weekdays: ['3'] },
    {
      timeZone: 'America/New_York',
      start: new Date('2025-03-04T23:30:00Z'),
      end: new Date('2025-03-05T00:00:00Z'),
    },
    NO_MATCH,
  ],
  [
    'an unknown zone matches no weekday',
    { weekdays: ['1', '2', '3', '4', '5', '6', '7'] },
    { timeZone: 'Mars/Olympus' },
    NO_MATCH,
  ],
  // time of day, in the entry's own zone: start inclusive, end exclusive
  [
    'morning start',
    { timeOfDay: [{ start: '09:00', end: '12:00' }] },
    startingAt('Europe/Berlin', '2025-03-05', '09:00'),
    matched('starts 09:00'),
  ],
  [
    'before the window',
    { timeOfDay: [{ start: '09:00', end: '12:00' }] },
    startingAt('Europe/Berlin', '2025-03-05', '08:59'),
    NO_MATCH,
  ],
  [
    'at the window end',
    { timeOfDay: [{ start: '09:00', end: '12:00' }] },
    startingAt('Europe/Berlin', '2025-03-05', '12:00'),
    NO_MATCH,
  ],
  [
    '09:30 in Berlin before the DST switch',
    { timeOfDay: [{ start: '09:30', end: '10:00' }] },
    startingAt('Europe/Berlin', '2025-03-28', '09:30'),
    matched('starts 09:30'),
  ],
  [
    '09:30 in Berlin after the DST switch',
    { timeOfDay: [{ start: '09:30', end: '10:00' }] },
    startingAt('Europe/Berlin', '2025-03-31', '09:30'),
    matched('starts 09:30'),
  ],
  [
    'a night window late',
    {
      timeOfDay: [
        { start: '22:00', end: '24:00' },
        { start: '00:00', end: '06:00' },
      ],
    },
    startingAt('Asia/Tokyo', '2025-03-05', '23:15'),
    matched('starts 23:15'),
  ],
  [
    'a night window early',
    {
      timeOfDay: [
        { start: '22:00', end: '24:00' },
        { start: '00:00', end: '06:00' },
      ],
    },
    startingAt('Asia/Tokyo', '2025-03-05', '05:45'),
    matched('starts 05:45'),
  ],
  [
    'outside a night window',
    {
      timeOfDay: [
        { start: '22:00', end: '24:00' },
        { start: '00:00', end: '06:00' },
      ],
    },
    startingAt('Asia/Tokyo', '2025-03-05', '06:00'),
    NO_MATCH,
  ],
];

describe('each condition type', () => {
  it.each(cases)('%s', (_name, conditions, fields, reason) => {
    expect(reasonFor(conditions, fields)).toBe(reason);
  });
});

describe('conditions combine with AND, facts in a fixed order', () => {
  const everything: RuleConditions = {
    timeOfDay: [{ start: '09:00', end: '10:00' }],
    weekdays: ['1'],
    calendars: ['Work'],
    sources: ['ics_url'],
    showAs: ['busy'],
    rsvp: ['accepted'],
    durationMinutes: { min: 15, max: 30 },
    recurring: true,
    organizer: false,
    attendees: { min: 3 },
    titlePattern: 'stand',
    excludeTitleKeywords: ['cancelled'],
    titleKeywords: ['standup'],
  };
  const standup: Partial<EngineEntry> = {
    title: 'Team standup',
    ...startingAt('Europe/Berlin', '2025-03-03', '09:30'),
    calendar: 'Work',
    source: 'ics_url',
    showAs: 'busy',
    rsvp: 'accepted',
    seriesId: 'standup',
    organizer: false,
    attendees: 7,
  };

  it('names every matched fact: title first, then people, time and where it came from', () => {
    expect(reasonFor(everything, standup)).toBe(
      matched(
        'title has "standup", title matches /stand/, 7 attendees, organized by someone else, recurring, 30 min, ' +
          'you accepted, shown as busy, from a calendar subscription, calendar "Work", on Monday, starts 09:30',
      ),
    );
  });

  it.each<[string, Partial<EngineEntry>]>([
    ['title', { title: 'Team sync' }],
    ['attendees', { attendees: 2 }],
    ['organizer', { organizer: true }],
    ['recurrence', { seriesId: null }],
    ['rsvp', { rsvp: 'tentative' }],
    ['show-as', { showAs: 'tentative' }],
    ['source', { source: 'csv' }],
    ['calendar', { calendar: 'Home' }],
    ['weekday', startingAt('Europe/Berlin', '2025-03-04', '09:30')],
    ['time of day', startingAt('Europe/Berlin', '2025-03-03', '10:30')],
  ])('fails when only the %s differs', (_field, change) => {
    expect(reasonFor(everything, { ...standup, ...change })).toBe(NO_MATCH);
  });
});
