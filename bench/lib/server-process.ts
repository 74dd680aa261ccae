import { type ChildProcess, fork } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ChildMemory, ChildMessage, ParentMessage } from './server-child.ts';

const CHILD = path.join(path.dirname(fileURLToPath(import.meta.url)), 'server-child.ts');

export interface ServerProcess {
  baseUrl: string;
  pid: number;
  memory(): Promise<ChildMemory>;
  /** Resets the peak (VmHWM) to the current RSS and returns the memory right after. */
  resetPeak(): Promise<ChildMemory>;
  stop(): Promise<void>;
}

/** Starts the app in a child process (through tsx, like `npm start`) and waits until it listens. */
export async function startServerProcess(databaseUrl: string): Promise<ServerProcess> {
  const child: ChildProcess = fork(CHILD, [], {
    execArgv: [
      '--import',
      'tsx',
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
