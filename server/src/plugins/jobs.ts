import fp from 'fastify-plugin';
import PgBoss from 'pg-boss';
import { isDatabaseUnavailable } from '../lib/database-errors.ts';

/**
 * Background jobs on the same PostgreSQL (pg-boss): no extra server to run. Every job also has a row
 * in background_jobs, which is what the API shows (status and progress): pg-boss's own tables are an
 * implementation detail of delivery and retries.
 */
export interface JobContext {
  id: string;
  organizationId: string;
  payload: Record<string, unknown>;
  /** Records progress; the API shows it while the job runs. */
  progress(done: number, total: number): Promise<void>;
}

export type JobHandler = (job: JobContext) => Promise<void>;

export interface JobRecord {
  id: string;
  kind: string;
  status: string;
  done: number;
  total: number;
  error: string | null;
  createdAt: Date;
  finishedAt: Date | null;
}

declare module 'fastify' {
  interface FastifyInstance {
    jobs: {
      /** Handlers are registered before the app is ready; workers start with the app. */
      register(kind: string, handler: JobHandler): void;
      enqueue(kind: string, organizationId: string, payload?: Record<string, unknown>): Promise<JobRecord>;
      /**
       * Runs `task` on a cron schedule (UTC), e.g. refreshing calendar subscriptions. Scheduled tasks
       * are housekeeping across organizations and have no background_jobs row.
       */
      schedule(kind: string, cron: string, task: () => Promise<void>): void;
    };
  }
}

export interface JobsPluginOptions {
  databaseUrl: string;
  /** Seconds between polls for new jobs. */
  pollingIntervalSeconds?: number;
}

const JOB_SELECT = {
  id: true,
  kind: true,
  status: true,
  done: true,
  total: true,
  error: true,
  createdAt: true,
  finishedAt: true,
} as const;

export default fp<JobsPluginOptions>(
  async (app, options) => {
    const boss = new PgBoss({ connectionString: options.databaseUrl, schema: 'pgboss', max: 3 });
    let closing = false;
    app.addHook('preClose', async () => {
      closing = true;
    });
    boss.on('error', (error) => {
      // The database going away is not a defect of the queue: pg-boss reconnects by itself, and on the
      // way down (Ctrl-C also stops the embedded PostgreSQL at once) its idle connections are cut.
      if (isDatabaseUnavailable(error)) {
        if (!closing) app.log.warn({ err: error }, 'job queue lost its database connection; retrying');
        return;
      }
      app.log.error({ err: error }, 'job queue error');
    });
    const handlers = new Map<string, JobHandler>();
    const schedules = new Map<string, { cron: string; task: () => Promise<void> }>();
    let started = false;

    async function run(kind: string, backgroundJobId: string) {
      const row = await app.db.backgroundJob.findUnique({ where: { id: backgroundJobId } });
      const handler = handlers.get(kind);
      if (!row || !handler) return;
      await app.db.backgroundJob.update({
        where: { id: row.id },
        data: { status: 'running', startedAt: new Date() },
      });
      try {
        await handler({
          id: row.id,
          organizationId: row.organizationId,
          payload: (row.payload ?? {}) as Record<string, unknown>,
          progress: async (done, total) => {
            await app.db.backgroundJob.update({ where: { id: row.id }, data: { done, total } });
          },
        });
        await app.db.backgroundJob.update({
          where: { id: row.id },
          data: { status: 'succeeded', finishedAt: new Date() },
        });
      } catch (error) {
        app.log.error({ err: error, kind, jobId: row.id }, 'background job failed');
        await app.db.backgroundJob.update({
          where: { id: row.id },
          data: {
            status: 'failed',
            error: error instanceof Error ? error.message : String(error),
            finishedAt: new Date(),
          },
        });
      }
    }

    app.decorate('jobs', {
      register(kind, handler) {
        if (started) throw new Error(`Register job "${kind}" before the app starts`);
        handlers.set(kind, handler);
      },
      schedule(kind, cron, task) {
        if (started) throw new Error(`Schedule "${kind}" before the app starts`);
        schedules.set(kind, { cron, task });
      },
      async enqueue(kind, organizationId, payload = {}) {
        if (!handlers.has(kind)) throw new Error(`No handler for job "${kind}"`);
        const row = await app.db.backgroundJob.create({
          data: { organizationId, kind, payload: payload as object },
          select: JOB_SELECT,
        });
        await boss.send(kind, { backgroundJobId: row.id });
        return row;
      },
    });

    app.addHook('onReady', async () => {
      await boss.start();
      started = true;
      for (const kind of handlers.keys()) {
        await boss.createQueue(kind);
        await boss.work<{ backgroundJobId?: string }>(
          kind,
          { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 1, batchSize: 1 },
          async ([job]) => {
            if (job?.data.backgroundJobId) await run(kind, job.data.backgroundJobId);
          },
        );
      }
      for (const [kind, { cron, task }] of schedules) {
        await boss.createQueue(kind);
        await boss.schedule(kind, cron, {});
        await boss.work(
          kind,
          { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 1, batchSize: 1 },
          async () => {
            try {
              await task();
            } catch (error) {
              app.log.error({ err: error, kind }, 'scheduled task failed');
            }
          },
        );
      }
    });

    app.addHook('onClose', async () => {
      if (started) await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    });
  },
  { name: 'jobs', dependencies: ['database'] },
);
