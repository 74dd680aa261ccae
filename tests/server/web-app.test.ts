import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../server/src/app.ts';
import { buildTestApp } from '../helpers/test-app.ts';
import { useTestDatabase } from '../helpers/test-database.ts';

describe('serving the dashboard', () => {
  const databaseUrl = useTestDatabase();
  let app: App;
  let dist: string;

  beforeAll(async () => {
    // A stand-in build output: this test is about routing, not about the dashboard's content.
    dist = mkdtempSync(path.join(tmpdir(), 'tiltmeter-web-'));
    mkdirSync(path.join(dist, 'assets'));
    writeFileSync(
      path.join(dist, 'index.html'),
      '<!doctype html><title>Tiltmeter</title><div id="root"></div>',
    );
    writeFileSync(path.join(dist, 'assets', 'app.js'), 'console.log("app")');
    app = await buildTestApp(databaseUrl(), { webDistDir: dist });
  });

  afterAll(async () => {
    await app?.close();
    if (dist) rmSync(dist, { recursive: true, force: true });
  });

  it.each(['/', '/week', '/settings/tokens'])('serves index.html at %s', async (url) => {
    const response = await app.inject({ method: 'GET', url });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/html');
    expect(response.body).toContain('<title>Tiltmeter</title>');
  });

  it('serves built assets', async () => {
    const response = await app.inject({ method: 'GET', url: '/assets/app.js' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toBe('console.log("app")');
  });

  it('keeps JSON 404s for unknown API paths', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/v1/unknown' });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('not_found');
  });
});
