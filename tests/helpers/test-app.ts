import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { type App, buildApp } from '../../server/src/app.ts';
import { REPO_ROOT } from '../../server/src/config.ts';
import { useTestDatabase } from './test-database.ts';

export function buildTestApp(databaseUrl: string, overrides: { webDistDir?: string } = {}): Promise<App> {
  return buildApp({
    databaseUrl,
    logLevel: (process.env.TEST_LOG_LEVEL as 'silent') ?? 'silent',
    corsOrigins: [],
    // Tests fire many requests from one address; the rate limits have tests of their own.
    rateLimitPerMinute: 1_000_000,
    authRateLimitPerMinute: 1_000_000,
    webDistDir: overrides.webDistDir ?? path.join(REPO_ROOT, 'web', 'dist-absent-in-api-tests'),
    // Subscription tests serve calendars from a plain-http server on loopback.
    subscriptionsAllowHttp: true,
  });
}

/** For a test file: an app on a database of its own (emptied before each test), closed after the file. */
export function useTestApp(): { app: () => App; databaseUrl: () => string } {
  const databaseUrl = useTestDatabase();
  let app: App | undefined;
  beforeAll(async () => {
    app = await buildTestApp(databaseUrl());
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
  });
  return {
    databaseUrl,
    app: () => {
      if (!app) throw new Error('useTestApp(): the app is built in beforeAll');
      return app;
    },
  };
}
