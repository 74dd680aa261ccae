import { ApiErrorSchema } from '@tiltmeter/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { App } from '../../server/src/app.ts';
import { AppError } from '../../server/src/lib/errors.ts';
import { buildTestApp } from '../helpers/test-app.ts';
import { useTestDatabase } from '../helpers/test-database.ts';

describe('the one error table', () => {
  const databaseUrl = useTestDatabase();
  let app: App;

  beforeAll(async () => {
    app = await buildTestApp(databaseUrl());
    // Routes that exist only in this test, each failing in one of the ways the handler must map.
    app.post(
      '/api/test/validated',
      { schema: { body: z.object({ title: z.string().min(1), attendees: z.array(z.int().min(0)) }) } },
      async () => ({ ok: true }),
    );
    app.get('/api/test/app-error', async () => {
      throw new AppError('forbidden', 'Only admins may do that');
    });
    app.get('/api/test/unique', async () => {
      await app.db.organization.create({ data: { name: 'A', slug: 'same' } });
      await app.db.organization.create({ data: { name: 'B', slug: 'same' } });
    });
    app.get('/api/test/crash', async () => {
      throw new Error('secret internal detail');
    });
    await app.ready();
  });

  afterAll(async () => {
    await app?.close();
  });

  it('answers a schema violation with 400, the field path and a message', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/test/validated',
      payload: { title: '', attendees: [1, -2] },
    });
    expect(response.statusCode).toBe(400);
    const body = ApiErrorSchema.parse(response.json());
    expect(body.error.code).toBe('validation_failed');
    expect(body.error.issues?.map((issue) => issue.path)).toEqual([
      ['body', 'title'],
      ['body', 'attendees', 1],
    ]);
    expect(body.error.message).toMatch(/^Invalid body\.title: /);
  });

  it('answers malformed JSON with 400, not 500', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/test/validated',
      headers: { 'content-type': 'application/json' },
      payload: '{"title": ',
    });
    expect(response.statusCode).toBe(400);
    expect(ApiErrorSchema.parse(response.json()).error.code).toBe('bad_request');
  });

  it('answers an unsupported content type with 415', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/test/validated',
      headers: { 'content-type': 'application/x-unknown' },
      payload: 'x',
    });
    expect(response.statusCode).toBe(415);
    expect(ApiErrorSchema.parse(response.json()).error.code).toBe('unsupported_media_type');
  });

  it('maps AppError to its status and code', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/test/app-error' });
    expect(response.statusCode).toBe(403);
    expect(response.json()).toEqual({ error: { code: 'forbidden', message: 'Only admins may do that' } });
  });

  it('maps a unique violation to 409 conflict', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/test/unique' });
    expect(response.statusCode).toBe(409);
    expect(ApiErrorSchema.parse(response.json()).error.code).toBe('conflict');
  });

  it('hides unexpected errors behind a generic 500', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/test/crash' });
    expect(response.statusCode).toBe(500);
    const body = ApiErrorSchema.parse(response.json());
    expect(body.error.code).toBe('internal');
    expect(response.body).not.toContain('secret internal detail');
  });

  it('answers an unknown API route with a JSON 404', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/v1/nothing-here?x=1' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({
      error: { code: 'not_found', message: 'No route for GET /api/v1/nothing-here' },
    });
  });

  it('sends the security headers', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/health' });
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
  });
});
