import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { REPO_ROOT } from '../config.ts';

const require = createRequire(import.meta.url);

/** The stock Prisma CLI; prisma.config.ts at the repository root wires in the offline schema engine. */
function prismaCliPath(): string {
  return path.join(path.dirname(require.resolve('prisma/package.json')), 'build', 'index.js');
}

export interface PrismaCliResult {
  exitCode: number;
  output: string;
}

/** Runs one Prisma CLI command against `databaseUrl` and captures what it printed. */
export function runPrismaCli(args: string[], databaseUrl: string): Promise<PrismaCliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [prismaCliPath(), ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrl, PRISMA_HIDE_UPDATE_MESSAGE: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ exitCode: code ?? 1, output }));
  });
}

/**
 * Applies pending migrations with `prisma migrate deploy`: the same path for the embedded database,
 * an external server, the Docker image and the tests, so there is one way migrations reach a database.
 */
export async function applyMigrations(databaseUrl: string): Promise<void> {
  const result = await runPrismaCli(['migrate', 'deploy'], databaseUrl);
  if (result.exitCode !== 0) {
    throw new Error(`Applying migrations failed:\n${result.output.trim()}`);
  }
}
