import { describe, expect, it } from 'vitest';
import { uuidv7 } from '../../../server/src/lib/uuid.ts';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('uuidv7', () => {
  it.each([
    [0, '00000000-0000-7'],
    [1, '00000000-0001-7'],
    [Date.UTC(2026, 10, 22), '01a2008d-7400-7'],
    [2 ** 48 - 1, 'ffffffff-ffff-7'],
  ])('puts %d ms in the first 48 bits, then version 7', (now, prefix) => {
    const id = uuidv7(now);
    expect(id).toMatch(UUID_V7);
    expect(id.startsWith(prefix)).toBe(true);
  });

  it('is unique and sorts by time', () => {
    const ids = Array.from({ length: 5_000 }, (_, index) =>
      uuidv7(1_700_000_000_000 + Math.floor(index / 10)),
    );
    expect(new Set(ids).size).toBe(ids.length);
    const byTime = ids.map((id) => id.slice(0, 13));
    expect(byTime).toEqual([...byTime].sort());
  });
});
