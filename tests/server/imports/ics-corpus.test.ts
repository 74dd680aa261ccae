import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  IcsParseError,
  type IcsParseOptions,
  parseIcs,
} from '../../../server/src/modules/imports/ics-parse.ts';
import { CORPUS, EXPECTED, type Outcome, ok, refused } from './ics-corpus-expected.ts';

/**
 * Every file of the public test corpus (two calendar libraries' test calendars: real exports,
 * edge cases, fuzzer finds; see its README) goes through parseIcs with a known outcome. The corpus
 * sits beside the repository: ../shared/data/ics from the repository root.
 */

// A wide window so that the corpus' old dates count, a small cap so that endless series stay cheap.
const OPTIONS: IcsParseOptions = {
  memberEmails: ['me@example.com'],
  memberTimeZone: 'Europe/Berlin',
  window: { from: new Date('1970-01-01T00:00:00Z'), to: new Date('2040-01-01T00:00:00Z') },
  maxOccurrencesPerSeries: 50,
};

function corpusFiles(): string[] {
  return ['icalendar-py', 'icaljs'].flatMap((dir) =>
    readdirSync(`${CORPUS}${dir}`)
      .filter((name) => name.endsWith('.ics'))
      .map((name) => `${dir}/${name}`),
  );
}

function outcomeOf(text: string): Outcome {
  try {
    const result = parseIcs(text, OPTIONS);
    for (const skip of result.skipped) {
      expect(skip.uid).not.toBe('');
      expect(skip.reason.length).toBeGreaterThan(10);
    }
    for (const entry of result.entries) {
      expect(entry.end.getTime()).toBeGreaterThanOrEqual(entry.start.getTime());
    }
    return ok(result.entries.length, result.skipped.length);
  } catch (error) {
    if (error instanceof IcsParseError) {
      expect(error.message.length).toBeGreaterThan(10);
      return refused(error.line);
    }
    throw error;
  }
}

describe('parseIcs over the public ICS corpus', () => {
  it('has an expected outcome for exactly the files in the corpus', () => {
    expect(corpusFiles().sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.entries(EXPECTED))('%s', (file, expected) => {
    expect(outcomeOf(readFileSync(`${CORPUS}${file}`, 'utf8'))).toEqual(expected);
  });
});

/** A small seeded PRNG (mulberry32), so every run damages the files the same way. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('parseIcs never throws anything but IcsParseError', () => {
  const JUNK = [
    ':',
    ';',
    '"',
    ',',
    '\\',
    '\u0000',
    '=',
    'Z',
    'T',
    '9',
    ' ',
    '\t',
    'BEGIN:VEVENT',
    'END:VEVENT',
    'TZID=X',
  ];
  const mutations: ((lines: string[], next: () => number) => string[])[] = [
    (lines, next) => lines.filter((_, i) => i !== Math.floor(next() * lines.length)),
    (lines, next) => {
      const i = Math.floor(next() * lines.length);
      return [...lines.slice(0, i), lines[i] ?? '', ...lines.slice(i)];
    },
    (lines, next) => lines.slice(0, Math.floor(next() * lines.length)),
    (lines, next) =>
      lines.map((line, i) => {
        if (i !== Math.floor(next() * lines.length) || line.length === 0) return line;
        const at = Math.floor(next() * line.length);
        return line.slice(0, at) + JUNK[Math.floor(next() * JUNK.length)] + line.slice(at + 1);
      }),
    (lines, next) => {
      const a = Math.floor(next() * lines.length);
      const b = Math.floor(next() * lines.length);
      const copy = [...lines];
      [copy[a], copy[b]] = [copy[b] ?? '', copy[a] ?? ''];
      return copy;
    },
  ];

  it('on 1500 damaged copies of the corpus files', () => {
    const next = random(20261121);
    const files = corpusFiles().map((file) => readFileSync(`${CORPUS}${file}`, 'utf8').split(/\r?\n/));
    let refusals = 0;
    let parsed = 0;
    for (let round = 0; round < 1500; round++) {
      const lines = files[Math.floor(next() * files.length)] ?? [];
      const mutate = mutations[Math.floor(next() * mutations.length)] ?? ((l: string[]) => l);
      const text = mutate(mutate(lines, next), next).join('\r\n');
      try {
        const result = parseIcs(text, { ...OPTIONS, maxOccurrencesPerSeries: 20 });
        expect(Array.isArray(result.entries) && Array.isArray(result.skipped)).toBe(true);
        parsed++;
      } catch (error) {
        expect(error).toBeInstanceOf(IcsParseError);
        refusals++;
      }
    }
    // Both outcomes occur: the mutations do reach the parser's inner paths and its refusals.
    expect(parsed).toBeGreaterThan(300);
    expect(refusals).toBeGreaterThan(300);
  }, 120_000);
});
