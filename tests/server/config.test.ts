import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, REPO_ROOT } from '../../server/src/config.ts';

describe('loadConfig', () => {
  it('has defaults that run a fresh clone: embedded database, port 3000, the built web app', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      databaseUrl: undefined,
      port: 3000,
      host: '127.0.0.1',
      embeddedPostgresPort: 54_329,
      dataDir: path.join(REPO_ROOT, '.data'),
      webDistDir: path.join(REPO_ROOT, 'web', 'dist'),
      corsOrigins: [],
    });
  });

  it('reads every setting from the environment', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgresql://u:p@db.internal:5432/tiltmeter',
      PORT: '8080',
      HOST: '0.0.0.0',
      LOG_LEVEL: 'warn',
      CORS_ORIGINS: 'https://a.example, https://b.example',
      RATE_LIMIT_PER_MINUTE: '100',
    });
    expect(config).toMatchObject({
      databaseUrl: 'postgresql://u:p@db.internal:5432/tiltmeter',
      port: 8080,
      host: '0.0.0.0',
      logLevel: 'warn',
      corsOrigins: ['https://a.example', 'https://b.example'],
      rateLimitPerMinute: 100,
    });
  });

  it('treats empty values as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', PORT: '' })).toMatchObject({ databaseUrl: undefined, port: 3000 });
  });

  it('lists every problem at once', () => {
    let caught: unknown;
    try {
      loadConfig({ DATABASE_URL: 'mysql://x', PORT: 'eighty', LOG_LEVEL: 'loud' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    const problems = (caught as ConfigError).problems;
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(/^DATABASE_URL: must be a postgres/);
    expect(problems[1]).toMatch(/^PORT: /);
    expect(problems[2]).toMatch(/^LOG_LEVEL: /);
  });
});
