import { EventEmitter } from 'node:events';
import { Logger as GraphileLogger, run, type Runner, type TaskList } from 'graphile-worker';
import type pg from 'pg';
import type { Logger } from 'pino';
import { RECLAIM_DEAD_WORKERS_SQL } from './worker-recovery.sql.ts';

const HEARTBEAT_MS = 2_000;
/** A worker silent for this long is dead: its locked jobs go back to the queue. */
const DEAD_AFTER_S = 10;

function graphileLogger(logger: Logger): GraphileLogger {
  return new GraphileLogger((scope) => (level, message, meta) => {
    if (level === 'error') logger.error({ scope, meta }, message);
    else if (level === 'warning') logger.warn({ scope, meta }, message);
    else logger.debug({ scope }, message);
  });
}

/**
 * graphile-worker keeps a crashed process's jobs locked for 4 hours. Every worker therefore
 * writes a heartbeat, and any live worker unlocks the jobs of workers whose heartbeat stopped, so
 * a webhook accepted before a crash runs seconds after any worker is back.
 */
export async function startWorker(opts: { pool: pg.Pool; logger: Logger; taskList: TaskList; concurrency: number; crontab: string }) {
  const { pool, logger } = opts;
  const events = new EventEmitter();
  const workerIds = new Set<string>();
  events.on('worker:create', ({ worker }: { worker: { workerId: string } }) => workerIds.add(worker.workerId));

  const runner: Runner = await run({
    pgPool: pool,
    taskList: opts.taskList,
    concurrency: opts.concurrency,
    noHandleSignals: true,
    pollInterval: 1000,
    logger: graphileLogger(logger),
    events,
    crontab: opts.crontab,
    // Completions of jobs finishing together share one query; the pool fetches a few jobs at once
    // so a free slot does not wait for a round trip. A completion lost in a crash only means the
    // job runs again, which dispatch and execution tolerate (runs resume, finished ones are skipped).
    preset: { worker: { completeJobBatchDelay: 2, localQueue: { size: Math.min(opts.concurrency, 10) } } },
  });

  async function beat() {
    if (workerIds.size === 0) return;
    await pool.query(
      `insert into worker_heartbeat (worker_id, seen_at) select unnest($1::text[]), now()
       on conflict (worker_id) do update set seen_at = now()`,
      [[...workerIds]],
    );
  }

  async function reclaim() {
    const { rows } = await pool.query<{ dead: string[] | null }>(RECLAIM_DEAD_WORKERS_SQL, [[...workerIds], DEAD_AFTER_S]);
    const dead = rows[0]?.dead ?? [];
    if (dead.length) logger.warn({ workers: dead }, 'задания остановившихся обработчиков возвращены в очередь');
  }

  const tick = async () => {
    try {
      await beat();
      await reclaim();
    } catch (err) {
      logger.warn({ err }, 'не удалось обновить пульс обработчика');
    }
  };
  await tick();
  const timer = setInterval(tick, HEARTBEAT_MS);
  timer.unref();

  return {
    async stop() {
      clearInterval(timer);
      await runner.stop();
      await pool.query('delete from worker_heartbeat where worker_id = any($1::text[])', [[...workerIds]]).catch(() => {});
    },
  };
}
