import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ApiErrorSchema, ImportResultSchema } from '@tiltmeter/shared';
import { beforeEach, describe, expect, it } from 'vitest';
import { createMemberWithToken, type TestMember } from '../../helpers/auth.ts';
import { useTestApp } from '../../helpers/test-app.ts';
import { CORPUS, EXPECTED } from './ics-corpus-expected.ts';

/**
 * Every calendar of the public corpus through the real import API: valid ones succeed with the
 * parser's counts, broken ones get a 4xx with a reason, none gets a 5xx.
 */
describe('POST /api/v1/imports/ics with the public ICS corpus', () => {
  const { app } = useTestApp();
  let member: TestMember;

  // Tables are emptied before each test, so each file is imported by a member of its own.
  beforeEach(async () => {
    member = await createMemberWithToken(app(), { email: 'me@example.com', timeZone: 'Europe/Berlin' });
  });

  it.each(Object.entries(EXPECTED))('%s', async (file, outcome) => {
    const response = await app().inject({
      method: 'POST',
      url: `/api/v1/imports/ics?from=1970-01-01T00:00:00Z&to=2040-01-01T00:00:00Z&calendar=${encodeURIComponent(file)}`,
      headers: { ...member.headers, 'content-type': 'text/calendar' },
      payload: readFileSync(path.join(CORPUS, file)),
    });
    if ('refusedAt' in outcome) {
      expect(response.statusCode).toBe(400);
      const error = ApiErrorSchema.parse(response.json()).error;
      expect(error.message).toMatch(/^The calendar file (could not be read|is empty)/);
    } else {
      expect(response.statusCode).toBe(200);
      const result = ImportResultSchema.parse(response.json());
      // The API caps series at 1,000 occurrences where the parser test caps them at 50.
      expect(result.created).toBeGreaterThanOrEqual(outcome.entries);
    }
  });
});
