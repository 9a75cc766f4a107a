import type pg from 'pg';
import type { Logger } from 'pino';
import { listPage } from '../../db/list-page.ts';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface OpLogEntry {
  tenantId: string | null;
  level: LogLevel;
  /** What produced it: `auth`, `workflow`, `webhook`, `run`, `connection`, `system`, a plugin id… */
  source: string;
  /** Russian, shown to users as is. */
  message: string;
  context?: Record<string, unknown>;
  workflowId?: string | null;
  runId?: string | null;
}

export interface LogFilters {
  level?: LogLevel;
  source?: string;
  workflowId?: string;
  q?: string;
  from?: Date;
  to?: Date;
  limit: number;
  offset: number;
}

const LEVELS: LogLevel[] = ['debug', 'info', 'warn', 'error'];

/** The operation log users read in «Логи». Writing never fails the caller's work. */
export function createOpLog(pool: pg.Pool, logger: Logger) {
  async function write(entry: OpLogEntry, db: Pick<pg.Pool, 'query'> = pool): Promise<void> {
    try {
      await db.query(
        `insert into log_entry (tenant_id, level, source, message, context, workflow_id, run_id)
         values ($1, $2, $3, $4, $5, $6, $7)`,
        [entry.tenantId, entry.level, entry.source, entry.message, JSON.stringify(entry.context ?? {}), entry.workflowId ?? null, entry.runId ?? null],
      );
    } catch (err) {
      logger.error({ err, entry: { ...entry, context: undefined } }, 'не удалось записать журнал операций');
    }
  }

  async function list(tenantId: string, f: LogFilters) {
    const where = ['tenant_id = $1'];
    const args: unknown[] = [tenantId];
    const add = (sql: string, value: unknown) => {
      args.push(value);
      where.push(sql.replace('?', `$${args.length}`));
    };
    // A level filter means "this level and more severe", like every log viewer.
    if (f.level) add('level = any(?)', LEVELS.slice(LEVELS.indexOf(f.level)));
    if (f.source) add('source ilike ?', `%${f.source}%`);
    if (f.workflowId) add('workflow_id = ?', f.workflowId);
    if (f.q) add(`(message ilike ? or context::text ilike $${args.length + 1})`, `%${f.q}%`), args.push(`%${f.q}%`);
    if (f.from) add('created_at >= ?', f.from);
    if (f.to) add('created_at <= ?', f.to);
    return listPage(pool, {
      select: `id::text, level, source, message, context, workflow_id as "workflowId", run_id as "runId", created_at as "createdAt"`,
      from: 'log_entry',
      where: where.join(' and '),
      orderBy: 'created_at desc, id desc',
    }, args, f);
  }

  async function sources(tenantId: string): Promise<string[]> {
    const { rows } = await pool.query<{ source: string }>('select distinct source from log_entry where tenant_id = $1 order by 1', [tenantId]);
    return rows.map((r) => r.source);
  }

  return { write, list, sources };
}

export type OpLog = ReturnType<typeof createOpLog>;
