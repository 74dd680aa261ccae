import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config.ts';
import { openDatabase } from '../db/bootstrap.ts';
import { runPrismaCli } from '../db/migrations.ts';
import { createPrismaClient } from '../plugins/database.ts';

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

const commands: Record<string, Command> = {
  migrate: {
    summary: 'Apply pending database migrations',
    async run() {
      const database = await openDatabase(loadConfig(), { migrate: true, log: say });
      await database.close();
      say('Migrations are up to date.');
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

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof ConfigError || error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exitCode = 1;
});
