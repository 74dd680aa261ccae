import { HealthResponseSchema } from '@tiltmeter/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../server/src/app.ts';
import { startTcpProxy, type TcpProxy } from '../helpers/tcp-proxy.ts';
import { buildTestApp, useTestApp } from '../helpers/test-app.ts';
import { useTestDatabase } from '../helpers/test-database.ts';

describe('GET /api/health', () => {
  const { app } = useTestApp();

  it('reports ok when the database answers', async () => {
    const response = await app().inject({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok', database: 'ok' });
    expect(HealthResponseSchema.parse(response.json())).toEqual({ status: 'ok', database: 'ok' });
  });
});

describe('GET /api/health when the database goes away and comes back', () => {
  const databaseUrl = useTestDatabase();
  let proxy: TcpProxy;
  let app: App;

  beforeAll(async () => {
    const real = new URL(databaseUrl());
    proxy = await startTcpProxy({ host: real.hostname, port: Number(real.port) });
    const viaProxy = new URL(real);
    viaProxy.port = String(proxy.port);
    app = await buildTestApp(viaProxy.toString());
  });

  afterAll(async () => {
    await app?.close();
    await proxy?.close();
  });

  it('goes 503 while the database is unreachable and back to 200 by itself', async () => {
    const before = await app.inject({ method: 'GET', url: '/api/health' });
    expect(before.statusCode).toBe(200);

    await proxy.cut();
    const during = await app.inject({ method: 'GET', url: '/api/health' });
    expect(during.statusCode).toBe(503);
    expect(during.json()).toEqual({ status: 'degraded', database: 'down' });

    await proxy.restore();
    const after = await app.inject({ method: 'GET', url: '/api/health' });
    expect(after.statusCode).toBe(200);
    expect(after.json()).toEqual({ status: 'ok', database: 'ok' });
  });
});
