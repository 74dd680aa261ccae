import {
  type Category,
  classifyEntries,
  DEFAULT_RULE_SET,
  DEFAULT_RULES,
  type EngineEntry,
  type ManagerSubtype,
  RuleSetSchema,
  tallyCategories,
} from '@tiltmeter/shared';
import { describe, expect, it } from 'vitest';
import { ENGINEER_FORTNIGHT } from './fixtures/engineer-fortnight.ts';
import { type CalendarRow, makeEntry } from './fixtures/entries.ts';
import { MANAGER_FORTNIGHT } from './fixtures/manager-fortnight.ts';

const classifyWithDefaults = (entries: EngineEntry[]) => classifyEntries(entries, [DEFAULT_RULE_SET]);
const decided = (entry: EngineEntry) => {
  const [classification] = classifyWithDefaults([entry]);
  return (
    classification && {
      category: classification.category,
      subtype: classification.subtype,
      reason: classification.reason,
    }
  );
};

describe('the default rule set', () => {
  it('is valid data for the rule schema, unchanged by parsing', () => {
    expect(RuleSetSchema.parse(DEFAULT_RULE_SET)).toEqual(DEFAULT_RULE_SET);
  });

  it('lists its rules in evaluation order, all enabled', () => {
    expect(DEFAULT_RULES.map((rule) => rule.position)).toEqual(DEFAULT_RULES.map((_, index) => index));
    expect(DEFAULT_RULES.every((rule) => rule.enabled)).toBe(true);
  });
});

describe.each([
  ['an engineer', ENGINEER_FORTNIGHT],
  ['a manager', MANAGER_FORTNIGHT],
])("a fortnight of %s's calendar", (_who, rows: CalendarRow[]) => {
  it('is a realistic sample (at least 60 entries)', () => {
    expect(rows.length).toBeGreaterThanOrEqual(60);
  });

  // Classified as one batch, as the server does, then checked row by row.
  const results = classifyWithDefaults(rows.map((row) => row.entry));
  it.each(rows.map((row, index) => ({ ...row, index })))('$label', ({ index, expected }) => {
    const result = results[index];
    expect(result && { category: result.category, subtype: result.subtype, reason: result.reason }).toEqual(
      expected,
    );
  });
});

describe('the shape of those fortnights', () => {
  const minutesOf = (rows: CalendarRow[]) => {
    const entries = rows.map((row) => row.entry);
    return tallyCategories(entries, classifyWithDefaults(entries));
  };

  it('tilts the manager toward manager work and the engineer toward maker work', () => {
    const manager = minutesOf(MANAGER_FORTNIGHT);
    const engineer = minutesOf(ENGINEER_FORTNIGHT);
    expect(manager.manager.minutes).toBeGreaterThan(3 * manager.maker.minutes);
    expect(engineer.maker.minutes).toBeGreaterThan(engineer.manager.minutes);
  });
});

type Case = [
  title: string,
  fields: Partial<EngineEntry>,
  category: Category,
  subtype: ManagerSubtype | null,
  reason: string,
];

describe('titles whose rule order matters', () => {
  const cases: Case[] = [
    [
      'Lunch & learn',
      { attendees: 20, organizer: false },
      'manager',
      'coordination',
      'manager / coordination: title has "lunch & learn" (rule "Talks and lunch & learns")',
    ],
    [
      'Team lunch',
      { attendees: 12 },
      'neutral',
      null,
      'neutral: title has "lunch" (rule "Meals, breaks and socials")',
    ],
    [
      '1:1 prep',
      { attendees: 0 },
      'manager',
      'coordination',
      'manager / coordination: title has "prep", no other attendees (rule "Meeting prep")',
    ],
    ['Focus time', { attendees: 0 }, 'maker', null, 'maker: title has "focus" (rule "Focus blocks")'],
    [
      'Interview debrief',
      { attendees: 5 },
      'manager',
      'hiring',
      'manager / hiring: title has "interview" (rule "Interviews and hiring")',
    ],
    [
      'Sprint planning',
      { attendees: 8 },
      'manager',
      'team_sync',
      'manager / team sync: title has "planning" (rule "Standups, syncs and planning")',
    ],
    [
      'Coffee chat',
      { attendees: 2 },
      'manager',
      'one_on_one',
      'manager / 1:1: title has "coffee chat", 2 attendees (rule "Chats and catch-ups")',
    ],
    [
      'Customer call - Acme',
      { attendees: 5, organizer: false },
      'manager',
      'external',
      'manager / external: title has "customer" (rule "External calls")',
    ],
    ['OOO', { attendees: 0 }, 'excluded', null, 'excluded: title has "ooo" (rule "Out of office")'],
    ['OOO', { attendees: 0, showAs: 'out_of_office' }, 'excluded', null, 'excluded: out of office'],
    ['Flight to Berlin', { attendees: 0 }, 'neutral', null, 'neutral: title has "flight" (rule "Travel")'],
    [
      'Design review',
      { attendees: 6 },
      'manager',
      'review',
      'manager / review: title has "review" (rule "Reviews, demos and retros")',
    ],
    [
      'Design: onboarding flow',
      { attendees: 0 },
      'maker',
      null,
      'maker: title has "design", no other attendees (rule "Building work")',
    ],
    [
      'Design sync',
      { attendees: 4 },
      'manager',
      'team_sync',
      'manager / team sync: title has "sync" (rule "Standups, syncs and planning")',
    ],
    [
      'Pair programming',
      { attendees: 2 },
      'maker',
      null,
      'maker: title has "pair programming" (rule "Pairing and mobbing")',
    ],
    [
      'User interview - onboarding study',
      { attendees: 3 },
      'manager',
      'coordination',
      'manager / coordination: 3 attendees (rule "Group meeting")',
    ],
    [
      'Writing interview questions',
      { attendees: 0 },
      'manager',
      'hiring',
      'manager / hiring: title has "interview" (rule "Interviews and hiring")',
    ],
    [
      'Focus group',
      { attendees: 1 },
      'maker',
      null,
      'maker: no other attendees, shown as busy (rule "Solo busy block")',
    ],
    [
      'Dinner with customer',
      { attendees: 4 },
      'manager',
      'external',
      'manager / external: title has "customer" (rule "External calls")',
    ],
    [
      'Team check-in',
      { attendees: 8 },
      'manager',
      'team_sync',
      'manager / team sync: title has "team check-in" (rule "Standups, syncs and planning")',
    ],
    [
      'Check-in with Sam',
      { attendees: 2 },
      'manager',
      'one_on_one',
      'manager / 1:1: title has "check-in", 2 attendees (rule "Chats and catch-ups")',
    ],
    [
      'Coffee break',
      { attendees: 0 },
      'neutral',
      null,
      'neutral: title has "coffee break" (rule "Meals, breaks and socials")',
    ],
    [
      'Email catch-up',
      { attendees: 0 },
      'manager',
      'coordination',
      'manager / coordination: title has "email" (rule "All-hands and coordination")',
    ],
    ['Busy', { attendees: 0, showAs: 'tentative' }, 'unclassified', null, 'unclassified: no rule matched'],
  ];

  it.each(cases)('%s %o', (title, fields, category, subtype, reason) => {
    expect(decided(makeEntry({ title, ...fields }))).toEqual({ category, subtype, reason });
  });
});

describe('time-tracker CSV rows (titles, no attendees)', () => {
  const csv = { source: 'csv', calendar: 'toggl', attendees: 0 } as const;
  const cases: Case[] = [
    [
      'Standup',
      csv,
      'manager',
      'team_sync',
      'manager / team sync: title has "standup" (rule "Standups, syncs and planning")',
    ],
    ['1on1 with Alex', csv, 'manager', 'one_on_one', 'manager / 1:1: title has "1on1" (rule "One-on-ones")'],
    [
      'Coffee with Sam',
      csv,
      'manager',
      'one_on_one',
      'manager / 1:1: title has "coffee with", no other attendees (rule "Chats and catch-ups")',
    ],
    [
      'Client call',
      csv,
      'manager',
      'external',
      'manager / external: title has "client call" (rule "External calls")',
    ],
    [
      'Meeting',
      csv,
      'manager',
      'coordination',
      'manager / coordination: title has "meeting", no other attendees (rule "Meetings logged without attendees")',
    ],
    [
      'Zoom w/ design team',
      csv,
      'manager',
      'coordination',
      'manager / coordination: title has "zoom", no other attendees (rule "Meetings logged without attendees")',
    ],
    [
      'Design meeting',
      csv,
      'manager',
      'coordination',
      'manager / coordination: title has "meeting", no other attendees (rule "Meetings logged without attendees")',
    ],
    [
      'Coding: search API',
      csv,
      'maker',
      null,
      'maker: title has "coding", no other attendees (rule "Building work")',
    ],
    [
      'TICKET-482 refactoring',
      csv,
      'maker',
      null,
      'maker: title has "refactoring", no other attendees (rule "Building work")',
    ],
    [
      'Expenses',
      csv,
      'manager',
      'coordination',
      'manager / coordination: title has "expenses" (rule "All-hands and coordination")',
    ],
  ];

  it.each(cases)('%s', (title, fields, category, subtype, reason) => {
    expect(decided(makeEntry({ title, ...fields }))).toEqual({ category, subtype, reason });
  });
});
