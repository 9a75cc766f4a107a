import type pg from 'pg';
import type { Logger } from 'pino';
import type { Config } from '../../config/config.schema.ts';
import { PURGE_DEDUPE_SQL, PURGE_EVENTS_SQL, PURGE_LOGS_SQL, PURGE_RUNS_SQL, PURGE_SESSIONS_SQL } from './retention.sql.ts';

const BATCH = 1000;
/** One pass works at most this long; the next hourly pass goes on. */
const PASS_BUDGET_MS = 60_000;

export interface PurgeReport {
  runs: number;
  events: number;
  logs: number;
  dedupe: number;
  sessions: number;
}

/** Deletes what is older than RETENTION_DAYS (events, runs with their steps, logs) and expired claims. */
export function createRetention(deps: { pool: pg.Pool; logger: Logger; config: Config }) {
  return async function purgeExpired(now = new Date()): Promise<PurgeReport> {
    const cutoff = new Date(now.getTime() - deps.config.RETENTION_DAYS * 86_400_000);
    const started = Date.now();
    const report: PurgeReport = { runs: 0, events: 0, logs: 0, dedupe: 0, sessions: 0 };
    const inTime = () => Date.now() - started < PASS_BUDGET_MS;
    const drain = async (sql: string, args: unknown[]): Promise<number> => {
      let total = 0;
      for (;;) {
        const { rowCount } = await deps.pool.query(sql, args);
        total += rowCount ?? 0;
        if ((rowCount ?? 0) < BATCH || !inTime()) return total;
      }
    };
    const { rows: tenants } = await deps.pool.query<{ id: string }>('select id from tenant');
    for (const { id } of tenants) {
      if (!inTime()) break;
      // Runs first: events are kept while a run still points at them.
      report.runs += await drain(PURGE_RUNS_SQL, [id, cutoff, BATCH]);
      report.events += await drain(PURGE_EVENTS_SQL, [id, cutoff, BATCH]);
      report.logs += await drain(PURGE_LOGS_SQL, [id, cutoff, BATCH]);
    }
    report.dedupe = await drain(PURGE_DEDUPE_SQL, [BATCH]);
    report.sessions = await drain(PURGE_SESSIONS_SQL, [BATCH]);
    if (Object.values(report).some((n) => n > 0)) deps.logger.info(report, 'удалены устаревшие данные');
    return report;
  };
}
