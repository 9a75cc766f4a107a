import { sql, type FilterQuery, type MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import { storableText, storableValue } from '../../db/storable.ts';
import { LogEntry, type ILogEntry } from './log-entry.entity.ts';

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
const like = (s: string) => `%${s.replace(/[\\%_]/g, '\\$&')}%`;

const view = (e: ILogEntry) => ({
  id: e.id,
  level: e.level,
  source: e.source,
  message: e.message,
  context: e.context,
  workflowId: e.workflowId ?? null,
  runId: e.runId ?? null,
  createdAt: e.createdAt,
});

/** The operation log users read in «Логи». Writing never fails the caller's work. */
export function createOpLog(orm: MikroORM, logger: Logger) {
  async function write(entry: OpLogEntry): Promise<void> {
    try {
      await orm.em.fork().insert(LogEntry, {
        tenantId: entry.tenantId,
        level: entry.level,
        source: storableText(entry.source),
        message: storableText(entry.message),
        context: (storableValue(entry.context ?? {}) as Record<string, unknown>),
        workflowId: entry.workflowId ?? null,
        runId: entry.runId ?? null,
        createdAt: new Date(),
      });
    } catch (err) {
      logger.error({ err, entry: { ...entry, context: undefined } }, 'не удалось записать журнал операций');
    }
  }

  async function list(tenantId: string, f: LogFilters) {
    const where: FilterQuery<ILogEntry> = { tenantId };
    // A level filter means "this level and more severe", like every log viewer.
    if (f.level) where.level = { $in: LEVELS.slice(LEVELS.indexOf(f.level)) };
    if (f.source) where.source = { $ilike: like(f.source) };
    if (f.workflowId) where.workflowId = f.workflowId;
    if (f.q) where.$or = [{ message: { $ilike: like(f.q) } }, { [sql`context::text`]: { $ilike: like(f.q) } }];
    if (f.from || f.to) where.createdAt = { ...(f.from ? { $gte: f.from } : {}), ...(f.to ? { $lte: f.to } : {}) };
    const [items, total] = await orm.em.fork().findAndCount(LogEntry, where, {
      orderBy: { createdAt: 'desc', id: 'desc' },
      limit: f.limit,
      offset: f.offset,
    });
    return { items: items.map(view), total };
  }

  async function sources(tenantId: string): Promise<string[]> {
    const rows = await orm.em.fork().getConnection().execute<{ source: string }[]>('select distinct source from log_entry where tenant_id = ? order by 1', [tenantId]);
    return rows.map((r) => r.source);
  }

  return { write, list, sources };
}

export type OpLog = ReturnType<typeof createOpLog>;
