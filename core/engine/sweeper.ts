import type pg from 'pg';
import type { Logger } from 'pino';
import type { Metrics } from '../metrics.ts';
import { sweepEventsSql, sweepRunsSql } from './sweeper.sql.ts';
import type { Config } from '../../config/config.schema.ts';

/** How long a queued event or unfinished run may lack a live job before it counts as orphaned. */
export const SWEEP_GRACE_SECONDS = 120;
/** Re-enqueued this often without result, it is failed with a reason instead. */
export const SWEEP_MAX = 3;

export function createSweeper(deps: { pool: pg.Pool; logger: Logger; metrics: Metrics; config: Config }) {
  const SWEEP_EVENTS_SQL = sweepEventsSql(deps.config.TENANT_JOB_SLOTS);
  const SWEEP_RUNS_SQL = sweepRunsSql(deps.config.TENANT_JOB_SLOTS);
  return async function sweepOrphans(opts: { graceSeconds?: number } = {}): Promise<{ events: { failed: number; requeued: number }; runs: { failed: number; requeued: number } }> {
    const grace = opts.graceSeconds ?? SWEEP_GRACE_SECONDS;
    const events = (await deps.pool.query<{ failed: number; requeued: number }>(SWEEP_EVENTS_SQL, [grace, SWEEP_MAX])).rows[0]!;
    const runs = (await deps.pool.query<{ failed: number; requeued: number }>(SWEEP_RUNS_SQL, [grace, SWEEP_MAX])).rows[0]!;
    const report = { events: { failed: events.failed, requeued: events.requeued }, runs: { failed: runs.failed, requeued: runs.requeued } };
    for (const kind of ['events', 'runs'] as const) {
      for (const action of ['failed', 'requeued'] as const) {
        if (report[kind][action]) deps.metrics.orphans.inc({ kind, action }, report[kind][action]);
      }
    }
    if (events.failed + events.requeued + runs.failed + runs.requeued > 0) deps.logger.warn(report, 'найдены события и запуски без задания обработки');
    return report;
  };
}
