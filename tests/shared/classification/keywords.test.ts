import { classifyEntry, DEFAULT_RULE_SET, keywordMatcher } from '@tiltmeter/shared';
import { describe, expect, it } from 'vitest';
import { makeEntry } from './fixtures/entries.ts';

describe('keyword matching: case-insensitive and word-aware', () => {
  it.each([
    // whole words only
    ['sync', 'Design sync', true],
    ['sync', 'SYNC', true],
    ['sync', 'Async updates', false],
    ['sync', 'asynchronous review', false],
    ['sync', 'Synchronize clocks', false],
    ['sync', 'Sync-up with infra', true],
    ['sync', 'team_sync', true],
    ['sync', '#sync', true],
    ['focus', 'Refocus', false],
    ['ooo', 'Mooo', false],
    ['review', 'Reviewer training', false],
    // a trailing plural s
    ['sync', 'Weekly syncs', true],
    ['interview', 'Interviews (panel)', true],
    ['1:1', 'Sam 1:1s', true],
    // punctuation inside a keyword, and digits that must not run together
    ['1:1', '1:1 Sam / Alex', true],
    ['1:1', '1 : 1 Sam', true],
    ['1:1', '11:15 standup', false],
    ['1-1', '1-1 with Sam', true],
    ['1-1', '1 - 1 with Sam', true],
    ['1-1', 'Room 11', false],
    ['1on1', '1ON1 Sam', true],
    ['lunch & learn', 'Lunch&Learn', true],
    ['lunch & learn', 'Lunch and learn', false],
    // a space or hyphen in a keyword matches spaces, hyphens and underscores
    ['one-on-one', 'One on one', true],
    ['one-on-one', 'one_on_one', true],
    ['all hands', 'All-Hands', true],
    ['stand-up', 'Stand up', true],
    ['stand-up', 'standup', false],
    ['deep work', 'deepwork', false],
    // letters beyond ASCII
    ['café', 'Café catch-up', true],
    ['über', 'ÜBER sync', true],
    ['café', 'Cafés', true],
  ])('%j in %j: %s', (keyword, title, matches) => {
    expect(keywordMatcher(keyword).test(title)).toBe(matches);
  });
});

describe('every spelling of a 1:1 is a 1:1 under the default rules', () => {
  it.each(['1:1', '1-1', '1on1', '1x1', 'one-on-one', 'One on One', '1:1s'])('%s Sam / Alex', (spelling) => {
    const entry = makeEntry({ title: `${spelling} Sam / Alex`, attendees: 2 });
    expect(classifyEntry(entry, [DEFAULT_RULE_SET])).toMatchObject({
      category: 'manager',
      subtype: 'one_on_one',
      ruleId: 'default-one-on-ones',
    });
  });
});
