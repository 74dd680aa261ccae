import { HealthResponseSchema as Schema } from '@tiltmeter/shared/api';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, apiGet, apiPost } from '../../web/src/lib/api-client.ts';

function respond(status: number, body: string, contentType = 'application/json') {
  const fetchMock = vi.fn(
    async (_input: RequestInfo | URL, _init?: RequestInit) =>
      new Response(body, { status, headers: { 'content-type': contentType } }),
  );
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

async function caught(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected the request to fail');
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('apiGet', () => {
  it('returns the body parsed by the schema', async () => {
    respond(200, JSON.stringify({ status: 'ok', database: 'ok', extra: true }));
    await expect(apiGet('/api/things/a', Schema)).resolves.toEqual({ status: 'ok', database: 'ok' });
  });

  it('appends query parameters, leaving out null and undefined', async () => {
    const fetchMock = respond(200, JSON.stringify({ status: 'ok', database: 'ok' }));
    await apiGet('/api/things', Schema, {
      query: { week: '2026-W47', team: undefined, limit: 5, x: null },
    });
    expect(fetchMock.mock.calls[0]?.[0]).toBe('/api/things?week=2026-W47&limit=5');
  });

  it('throws an ApiError carrying the code, message and issues of the error body', async () => {
    respond(
      400,
      JSON.stringify({
        error: {
          code: 'validation_failed',
          message: 'The request is invalid.',
          issues: [{ path: ['body', 'start'], message: 'Expected an ISO date' }],
        },
      }),
    );
    const error = await caught(apiGet('/api/things', Schema));
    expect(error).toMatchObject({
      name: 'ApiError',
      status: 400,
      code: 'validation_failed',
      message: 'The request is invalid.',
      issues: [{ path: ['body', 'start'], message: 'Expected an ISO date' }],
    });
    expect(error.isClientError).toBe(true);
  });

  it('turns an error that is not in the API shape (a proxy page) into http_error', async () => {
    respond(502, '<html>Bad gateway</html>', 'text/html');
    const error = await caught(apiGet('/api/things', Schema));
    expect(error).toMatchObject({ status: 502, code: 'http_error', issues: [] });
    expect(error.isClientError).toBe(false);
  });

  it('rejects a success body that breaks the contract with invalid_response', async () => {
    respond(200, JSON.stringify({ status: 'fine', database: 'ok' }));
    const error = await caught(apiGet('/api/things', Schema));
    expect(error).toMatchObject({ status: 200, code: 'invalid_response' });
  });

  it('reports a failed fetch as network_error with status 0', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        throw new TypeError('Failed to fetch');
      }),
    );
    const error = await caught(apiGet('/api/things', Schema));
    expect(error).toMatchObject({ status: 0, code: 'network_error' });
    expect(error.cause).toBeInstanceOf(TypeError);
  });

  it('parses an accepted non-2xx status as a response', async () => {
    respond(503, JSON.stringify({ status: 'degraded', database: 'down' }));
    await expect(apiGet('/api/things', Schema, { acceptStatuses: [503] })).resolves.toEqual({
      status: 'degraded',
      database: 'down',
    });
  });
});

describe('apiPost', () => {
  it('sends the body as JSON', async () => {
    const fetchMock = respond(201, JSON.stringify({ status: 'ok', database: 'ok' }));
    await apiPost('/api/things', { name: 'b' }, Schema);
    const init = fetchMock.mock.calls[0]?.[1];
    expect(init?.method).toBe('POST');
    expect(init?.body).toBe('{"name":"b"}');
    expect(init?.headers).toMatchObject({ 'content-type': 'application/json' });
  });
});
