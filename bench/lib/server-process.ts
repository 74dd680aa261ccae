import { type ChildProcess, fork } from 'node:child_process';
import { once } from 'node:events';
import { renameSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildServer, startNodeFlags } from '../../server/build.ts';
import type { ChildMemory, ChildMessage, ParentMessage } from './server-child.ts';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO_ROOT = path.resolve(HERE, '../..');
const CHILD_SOURCE = path.join(HERE, 'server-child.ts');
/** Beside the server's own bundle: two folders below the repository root, where config.ts expects it. */
const CHILD_BUNDLE = path.join(REPO_ROOT, 'server', 'dist', 'bench-server-child.mjs');

let built: Promise<string> | undefined;

/** Builds server-child.ts as `npm start` builds the server (server/build.ts), once per process. */
function buildChild(): Promise<string> {
  built ??= (async () => {
    // Processes that build at once (test files run in parallel) each write a file of their own and
    // rename it into place: a child never starts from a half-written bundle.
    const own = `${CHILD_BUNDLE}.${process.pid}.tmp`;
    await buildServer({ entry: CHILD_SOURCE, outfile: own, sourcemap: false });
    renameSync(own, CHILD_BUNDLE);
    return CHILD_BUNDLE;
  })();
  return built;
}

export interface ServerProcess {
  baseUrl: string;
  pid: number;
  memory(): Promise<ChildMemory>;
  /** Resets the peak (VmHWM) to the current RSS and returns the memory right after. */
  resetPeak(): Promise<ChildMemory>;
  stop(): Promise<void>;
}

/**
 * Starts the app in a child process and waits until it listens. The process is started as `npm start`
 * starts the server: built into one module by server/build.ts and run by plain node with the flags
 * of package.json's "start" (server-child.ts is the entry instead of main.ts: no embedded database, no
 * migrations, no demo seed, no dashboard).
 */
export async function startServerProcess(databaseUrl: string): Promise<ServerProcess> {
  const child: ChildProcess = fork(await buildChild(), [], {
    execArgv: [
      ...startNodeFlags(),
      // BENCH_CPU_PROF=<folder>: a CPU profile of the server process, written when it stops.
      ...(process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : []),
    ],
    env: { ...process.env, BENCH_DATABASE_URL: databaseUrl },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const ready = await new Promise<number>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`the server process exited (${code}) before listening`)));
    child.on('message', (message: ChildMessage) => {
      if (message.type === 'ready') resolve(message.port);
    });
  });
  const ask = async (message: ParentMessage): Promise<ChildMemory> => {
    const reply = new Promise<ChildMemory>((resolve) => {
      const onMessage = (answer: ChildMessage) => {
        if (answer.type !== 'memory') return;
        child.off('message', onMessage);
        resolve(answer);
      };
      child.on('message', onMessage);
    });
    child.send(message);
    return reply;
  };
  return {
    baseUrl: `http://127.0.0.1:${ready}`,
    pid: child.pid ?? 0,
    memory: () => ask({ type: 'memory' }),
    resetPeak: () => ask({ type: 'reset-peak' }),
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = once(child, 'exit');
      child.disconnect();
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
