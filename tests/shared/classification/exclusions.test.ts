import { classifyEntry, DEFAULT_RULE_SET, type EngineEntry, type RuleSet } from '@tiltmeter/shared';
import { describe, expect, it } from 'vitest';
import { makeEntry } from './fixtures/entries.ts';

/** A rule that matches everything with a title, to show exclusions come before any rule. */
const CATCH_ALL: RuleSet = {
  teamId: null,
  rules: [
    {
      id: 'everything',
      name: 'Everything is maker',
      enabled: true,
      position: 0,
      conditions: { titlePattern: '.' },
      outcome: { category: 'maker', subtype: null },
    },
  ],
};

const lasting = (minutes: number): Partial<EngineEntry> => ({
  start: new Date('2025-03-05T08:00:00Z'),
  end: new Date(Date.parse('2025-03-05T08:00:00Z') + minutes * 60_000),
});

describe('built-in exclusions, before any rule', () => {
  it.each<[string, Partial<EngineEntry>, string]>([
    ['cancelled', { status: 'cancelled' }, 'excluded: cancelled'],
    ['declined', { rsvp: 'declined' }, 'excluded: you declined'],
    ['out of office', { showAs: 'out_of_office' }, 'excluded: out of office'],
    ['free (transparent)', { showAs: 'free' }, 'excluded: shown as free'],
    ['all-day', { allDay: true, ...lasting(24 * 60) }, 'excluded: all-day'],
    ['longer than 12 hours', lasting(12 * 60 + 1), 'excluded: longer than 12 hours'],
    // the first applicable exclusion is the one named
    ['cancelled and declined', { status: 'cancelled', rsvp: 'declined' }, 'excluded: cancelled'],
    ['declined and free', { rsvp: 'declined', showAs: 'free' }, 'excluded: you declined'],
    ['out of office all day', { showAs: 'out_of_office', allDay: true }, 'excluded: out of office'],
  ])('%s', (_name, fields, reason) => {
    expect(classifyEntry(makeEntry({ title: 'Focus time', ...fields }), [CATCH_ALL])).toEqual({
      category: 'excluded',
      subtype: null,
      reason,
      ruleId: null,
    });
  });

  it.each<[string, Partial<EngineEntry>]>([
    ['exactly 12 hours', lasting(12 * 60)],
    ['tentative RSVP', { rsvp: 'tentative' }],
    ['not answered', { rsvp: 'needs_action' }],
    ['shown as tentative', { showAs: 'tentative' }],
    ['tentative status', { status: 'tentative' }],
  ])('does not exclude: %s', (_name, fields) => {
    expect(classifyEntry(makeEntry({ title: 'Focus time', ...fields }), [CATCH_ALL])).toMatchObject({
      category: 'maker',
      ruleId: 'everything',
    });
  });

  it('applies with no rules at all', () => {
    expect(classifyEntry(makeEntry({ rsvp: 'declined' }), []).reason).toBe('excluded: you declined');
    expect(classifyEntry(makeEntry({ rsvp: 'accepted' }), []).reason).toBe('unclassified: no rule matched');
  });

  it('beats the default focus rule', () => {
    expect(classifyEntry(makeEntry({ title: 'Focus time', showAs: 'free' }), [DEFAULT_RULE_SET]).reason).toBe(
      'excluded: shown as free',
    );
  });
});
