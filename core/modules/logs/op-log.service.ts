import type { FilterQuery, MikroORM } from '@mikro-orm/postgresql';
import { MAX_OFFSET, TOTAL_CAP } from '../../db/list-page.ts';
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
  cursor?: string;
}

const LEVELS: LogLevel[] = ['debug', 'info', 'warn', 'error'];

function decodeCursor(cursor: string): { at: Date; id: string } | null {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [string, string];
    return /^\d+$/.test(id) && !Number.isNaN(Date.parse(at)) ? { at: new Date(at), id } : null;
  } catch {
    return null;
  }
}
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
    // Substring search in what users read; a trigram index serves it at any size.
    if (f.q) where.message = { $ilike: like(f.q) };
    if (f.from || f.to) where.createdAt = { ...(f.from ? { $gte: f.from } : {}), ...(f.to ? { $lte: f.to } : {}) };
    const cursor = f.cursor ? decodeCursor(f.cursor) : null;
    const pageWhere: FilterQuery<ILogEntry> = cursor
      ? { $and: [where, { $or: [{ createdAt: { $lt: cursor.at } }, { createdAt: cursor.at, id: { $lt: cursor.id } }] }] }
      : where;
    const em = orm.em.fork();
    const [items, counted] = await Promise.all([
      em.find(LogEntry, pageWhere, { orderBy: { createdAt: 'desc', id: 'desc' }, limit: f.limit + 1, offset: cursor ? 0 : Math.min(f.offset, MAX_OFFSET) }),
      // Counting stops at the cap (the UI says «более 10 000»).
      em.createQueryBuilder(LogEntry).select('id').where(where).limit(TOTAL_CAP + 1).execute<{ id: string }[]>('all', false),
    ]);
    const page = items.slice(0, f.limit);
    const last = page.at(-1);
    return {
      items: page.map(view),
      total: Math.min(counted.length, TOTAL_CAP),
      totalCapped: counted.length > TOTAL_CAP,
      nextCursor: items.length > f.limit && last ? Buffer.from(JSON.stringify([last.createdAt.toISOString(), last.id])).toString('base64url') : null,
    };
  }

  async function sources(tenantId: string): Promise<string[]> {
    const rows = await orm.em.fork().getConnection().execute<{ source: string }[]>('select distinct source from log_entry where tenant_id = ? order by 1', [tenantId]);
    return rows.map((r) => r.source);
  }

  return { write, list, sources };
}

export type OpLog = ReturnType<typeof createOpLog>;
