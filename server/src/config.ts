import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** The repository root: config defaults (data folder, built web app) are relative to it. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const EnvSchema = z.object({
  DATABASE_URL: z
    .url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// or postgresql:// URL' })
    .optional(),
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  /** Where the embedded PostgreSQL keeps its data when no DATABASE_URL is given. */
  TILTMETER_DATA_DIR: z.string().min(1).default(path.join(REPO_ROOT, '.data')),
  EMBEDDED_POSTGRES_PORT: z.coerce.number().int().min(1).max(65_535).default(54_329),
  /** The built dashboard served at `/`. */
  WEB_DIST_DIR: z
    .string()
    .min(1)
    .default(path.join(REPO_ROOT, 'web', 'dist')),
  /** Origins allowed to call the API from a browser, comma-separated; the server's own is always allowed. */
  CORS_ORIGINS: z
    .string()
    .default('')
    .transform((value) =>
      value
        .split(',')
        .map((origin) => origin.trim())
        .filter(Boolean),
    ),
  /** Requests per minute per client on the API before 429. */
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(600),
  /** Sign-in, password-reset requests and resets per minute per client (much stricter than the API's). */
  AUTH_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(10),
  /** The address people reach the app at: links in emails, trusted origin, Secure cookies when https. */
  PUBLIC_URL: z
    .url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' })
    .transform((value) => value.replace(/\/+$/, ''))
    .optional(),
  /** Signs session cookies. Generated and kept in the data folder when unset (see lib/auth-secret.ts). */
  AUTH_SECRET: z
    .string()
    .min(32, 'must be at least 32 characters (e.g. `openssl rand -base64 32`)')
    .optional(),
  /** Outgoing mail, e.g. smtps://user:pass@smtp.example.com:465; unset: emails are written to the log. */
  SMTP_URL: z.url({ protocol: /^smtps?$/, error: 'must be an smtp:// or smtps:// URL' }).optional(),
  /** Sender of outgoing mail, e.g. "Tiltmeter <tiltmeter@example.com>". */
  MAIL_FROM: z.string().min(3).optional(),
  /**
   * Behind a reverse proxy (TLS termination): which hops to trust for the client address, so rate
   * limits count people, not the proxy. `true`, a hop count, or addresses/CIDRs comma-separated.
   */
  TRUST_PROXY: z
    .string()
    .optional()
    .transform((value): boolean | number | string[] => {
      if (value === undefined || value === 'false') return false;
      if (value === 'true') return true;
      if (/^\d+$/.test(value)) return Number(value);
      return value
        .split(',')
        .map((entry) => entry.trim())
        .filter(Boolean);
    }),
  /** `off`: a first start on an empty database does not seed the demo organization. */
  TILTMETER_DEMO: z.enum(['auto', 'off']).default('auto'),
  /** `true`: calendar subscriptions may use plain http:// (intranet calendars, tests); https otherwise. */
  SUBSCRIPTIONS_ALLOW_HTTP: z.enum(['true', 'false']).default('false'),
});

export type Config = {
  databaseUrl: string | undefined;
  port: number;
  host: string;
  logLevel: (typeof LOG_LEVELS)[number];
  dataDir: string;
  embeddedPostgresPort: number;
  webDistDir: string;
  corsOrigins: string[];
  rateLimitPerMinute: number;
  authRateLimitPerMinute: number;
  publicUrl: string;
  /** Unset: main.ts generates one and keeps it in the data folder. */
  authSecret: string | undefined;
  smtpUrl: string | undefined;
  mailFrom: string;
  trustProxy: boolean | number | string[];
  /** `auto`: seed the demo organization when the database has no organization at all. */
  demo: 'auto' | 'off';
  subscriptionsAllowHttp: boolean;
};

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Parses the environment once at start. The only place that reads process.env; every problem is
 * reported at once so a self-hoster fixes their configuration in one go.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // Empty strings mean "not set", as in most .env files.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = EnvSchema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join('.') || '(environment)'}: ${issue.message}`),
    );
  }
  const values = parsed.data;
  const publicUrl = values.PUBLIC_URL ?? `http://localhost:${values.PORT}`;
  return {
    databaseUrl: values.DATABASE_URL,
    port: values.PORT,
    host: values.HOST,
    logLevel: values.LOG_LEVEL,
    dataDir: path.resolve(values.TILTMETER_DATA_DIR),
    embeddedPostgresPort: values.EMBEDDED_POSTGRES_PORT,
    webDistDir: path.resolve(values.WEB_DIST_DIR),
    corsOrigins: values.CORS_ORIGINS,
    rateLimitPerMinute: values.RATE_LIMIT_PER_MINUTE,
    authRateLimitPerMinute: values.AUTH_RATE_LIMIT_PER_MINUTE,
    publicUrl,
    authSecret: values.AUTH_SECRET,
    smtpUrl: values.SMTP_URL,
    mailFrom: values.MAIL_FROM ?? `Tiltmeter <no-reply@${new URL(publicUrl).hostname}>`,
    trustProxy: values.TRUST_PROXY,
    demo: values.TILTMETER_DEMO,
    subscriptionsAllowHttp: values.SUBSCRIPTIONS_ALLOW_HTTP === 'true',
  };
}
