/**
 * The app as a process of its own, for benchmarks and the soak: the parent talks to it over HTTP like
 * a client would, and asks it over IPC for its memory (RSS now, the peak since the last reset).
 * server-process.ts builds this file as `npm start` builds the server and runs it with the same flags.
 *
 *   env BENCH_DATABASE_URL  the database
 *   env BENCH_LOG_ERRORS    "1": count error-level log lines and report them with the memory
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { buildApp } from '../../server/src/app.ts';
import { REPO_ROOT } from '../../server/src/config.ts';
import { installProcessGuards } from '../../server/src/lib/process-guards.ts';

export interface ChildMemory {
  rssBytes: number;
  /** VmHWM: the resident-set peak since start or the last reset, as the kernel counts it. */
  peakBytes: number;
  /** The largest process.memoryUsage().rss seen by a 5 ms sampler (misses peaks inside long synchronous work). */
  sampledPeakBytes: number;
  errorLogs: string[];
  /** Database connection defects the process guards absorbed (see server/src/lib/process-guards.ts). */
  guardWarnings: number;
}

export type ChildMessage = { type: 'ready'; port: number } | ({ type: 'memory' } & ChildMemory);
export type ParentMessage = { type: 'memory' } | { type: 'reset-peak' };

function vmHwmBytes(): number {
  const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
  return match ? Number(match[1]) * 1024 : 0;
}

async function main() {
  const databaseUrl = process.env.BENCH_DATABASE_URL;
  if (!databaseUrl || !process.send)
    throw new Error('server-child: run me with fork() and BENCH_DATABASE_URL');
  const errorLogs: string[] = [];
  const warnings: string[] = [];
  // As main.ts does: a database connection that drops must not end the process.
  installProcessGuards({
    warn: (message) => warnings.push(message),
    error: (message) => process.stderr.write(`${message}\n`),
  });
  const app = await buildApp({
    databaseUrl,
    logLevel: 'error',
    corsOrigins: [],
    rateLimitPerMinute: 1_000_000_000,
    authRateLimitPerMinute: 1_000_000_000,
    webDistDir: path.join(REPO_ROOT, 'web', 'dist-absent-in-bench'),
    fastify: {
      logger: {
        level: 'error',
        stream: new Writable({
          write(chunk, _encoding, done) {
            errorLogs.push(String(chunk).slice(0, 2_000));
            done();
          },
        }),
      },
    },
  });
  // The baseline for requests per second: a bare route in the same app (same global hooks: security
  // headers, CORS, rate limit), returning a constant without authentication or database.
  app.get('/bench/constant', async () => ({ ok: true }));
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;

  let sampledPeak = 0;
  // memoryUsage.rss() reads the RSS alone; memoryUsage() walks the heap spaces too, 200 times a second
  // in the very process whose requests/s the load runs measure.
  const sampler = setInterval(() => {
    sampledPeak = Math.max(sampledPeak, process.memoryUsage.rss());
  }, 5);
  sampler.unref();

  process.on('message', (message: ParentMessage) => {
    if (message.type === 'reset-peak') {
      // Writing 5 to clear_refs resets VmHWM to the current RSS (Linux 4.0+).
      writeFileSync('/proc/self/clear_refs', '5');
      sampledPeak = process.memoryUsage().rss;
    }
    const rssBytes = process.memoryUsage().rss;
    const reply: ChildMessage = {
      type: 'memory',
      rssBytes,
      peakBytes: vmHwmBytes(),
      sampledPeakBytes: Math.max(sampledPeak, rssBytes),
      errorLogs: [...errorLogs],
      guardWarnings: warnings.length,
    };
    process.send?.(reply);
  });
  process.on('disconnect', () => {
    app.close().finally(() => process.exit(0));
  });
  process.send({ type: 'ready', port } satisfies ChildMessage);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
