import { describe, expect, it } from 'vitest';
import { useTestApp } from '../helpers/test-app.ts';

describe('OpenAPI', () => {
  const { app } = useTestApp();

  it('describes the API at /api/openapi.json from the zod schemas', async () => {
    const response = await app().inject({ method: 'GET', url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    const document = response.json();
    expect(document.openapi).toMatch(/^3\./);
    expect(document.info.title).toBe('Tiltmeter API');
    const health = document.paths['/api/health'].get;
    expect(health.responses['200'].content['application/json'].schema.properties.database.enum).toEqual([
      'ok',
      'down',
    ]);
    expect(document.paths['/api/openapi.json']).toBeUndefined();
  });

  it('serves browsable docs at /api/docs', async () => {
    const response = await app().inject({ method: 'GET', url: '/api/docs/' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/html');
    expect(response.body).toContain('swagger');
  });
});
