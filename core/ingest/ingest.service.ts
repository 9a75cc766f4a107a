import { createHash, randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { Logger } from 'pino';
import type { Config } from '../../config/config.schema.ts';
import type { Graph } from '../graph/graph.schema.ts';
import type { Metrics } from '../metrics.ts';
import type { OpLog } from '../modules/logs/op-log.service.ts';
import type { PluginRegistry } from '../plugins/plugin-registry.ts';
import type { InboundRequest } from '../sdk/context.ts';
import { AppError, NotFoundError, UserError } from '../sdk/errors.ts';
import { resolveTrigger, type ResolvedTrigger } from '../engine/trigger-events.ts';
import { ingestBatchSql } from './ingest-batch.sql.ts';
import { createIngestAdmission } from './ingest-admission.ts';
import { declaredSecrets, maskHeaders, maskQuery, type DeclaredSecrets } from './mask-request.ts';
import { MicroBatcher } from '../util/micro-batcher.ts';
import { createDbLane } from '../db/db-lane.ts';
import { isStatementError } from '../db/db-errors.ts';
import { storableJson, storableText } from '../db/storable.ts';

interface Endpoint {
  tenantId: string;
  workflowId: string | null;
  workflowName: string | null;
  trigger: ResolvedTrigger | null;
  /** Secret headers and query keys of the active version's trigger, or the draft's when none is active. */
  secrets: DeclaredSecrets;
  /** Blocked by a platform admin: webhooks get 423. */
  blocked: boolean;
}

/**
 * A request ready to join a batch: every value is already storable JSON text, made on its own, so
 * nothing one sender put in its request can fail the statement it shares with others.
 */
interface PendingEvent {
  id: string;
  token: string;
  method: string;
  contentType: string;
  headersJson: string;
  queryJson: string;
  bodyJson: string;
  dedupeKey: string | null;
  failedReason: string | null;
}

export interface IngestResult {
  eventId: string;
  status: 'queued' | 'skipped' | 'duplicate' | 'failed';
}

/** Endpoint lookups are cached briefly; the batch statement re-checks the token, so revocation is exact. */
const ENDPOINT_TTL_MS = 1000;

export function createIngest(deps: { pool: pg.Pool; config: Config; registry: PluginRegistry; logger: Logger; metrics: Metrics; opLog: OpLog }) {
  const { pool, config, registry } = deps;
  // Acknowledging a webhook must never queue behind run execution for a connection: the batches
  // go through a lane of connections held for ingest, taken from the process's one pool.
  const db = createDbLane(pool, 2);
  const INGEST_SQL = ingestBatchSql(config.TENANT_JOB_SLOTS);
  const admission = createIngestAdmission({ query: (q) => db.query(q), config });
  const cache = new Map<string, { at: number; value: Promise<Endpoint | null>; settled: boolean; refreshing: boolean }>();

  /**
   * One lookup per token at a time, and none on the way of a request once the address is known: a
   * stale entry answers at once while one refresh runs behind it, on the ingest lane. A CRM that
   * fires a thousand webhooks at once to one address costs one query, and never waits behind run
   * execution on the shared pool.
   */
  function endpoint(token: string): Promise<Endpoint | null> {
    const hit = cache.get(token);
    if (hit && (Date.now() - hit.at < ENDPOINT_TTL_MS || hit.refreshing)) return hit.value;
    const value = lookupEndpoint(token);
    if (cache.size > 10_000) cache.clear();
    if (hit?.settled) {
      // Stale but usable: the batch statement re-checks the token, so a revoked address is still refused.
      hit.refreshing = true;
      value.then(
        (v) => cache.set(token, { at: Date.now(), value: Promise.resolve(v), settled: true, refreshing: false }),
        () => cache.delete(token),
      );
      return hit.value;
    }
    const entry = { at: Date.now(), value, settled: false, refreshing: false };
    cache.set(token, entry);
    value.then(
      () => (entry.settled = true),
      // A failed lookup is not kept: the next request asks again.
      () => cache.get(token) === entry && cache.delete(token),
    );
    return value;
  }

  async function lookupEndpoint(token: string): Promise<Endpoint | null> {
    const { rows } = await db.query<{ tenant_id: string; workflow_id: string | null; name: string | null; graph: Graph | null; draft: Graph | null; blocked: boolean }>({
      name: 'ingest-endpoint',
      text: `select e.tenant_id, e.workflow_id, w.name, v.graph, case when v.graph is null then w.graph end as draft,
              (select t.blocked_at is not null from tenant t where t.id = e.tenant_id) as blocked
         from hook_endpoint e left join workflow w on w.id = e.workflow_id
         left join workflow_version v on v.id = w.active_version_id
        where e.token = $1 and e.revoked_at is null`,
      values: [token],
    });
    let value: Endpoint | null = null;
    if (rows[0]) {
      let trigger: ResolvedTrigger | null = null;
      try {
        trigger = rows[0].graph ? resolveTrigger(rows[0].graph, registry) : null;
      } catch {
        trigger = null; // the dispatcher records why this version cannot run
      }
      let draft: ResolvedTrigger | null = null;
      try {
        draft = rows[0].draft ? resolveTrigger(rows[0].draft, registry) : null;
      } catch {
        draft = null;
      }
      value = { tenantId: rows[0].tenant_id, workflowId: rows[0].workflow_id, workflowName: rows[0].name, trigger, secrets: declaredSecrets(trigger, draft), blocked: rows[0].blocked };
    }
    return value;
  }

  async function insertBatch(batch: PendingEvent[]): Promise<(IngestResult | null)[]> {
    const col = <T,>(f: (e: PendingEvent) => T) => batch.map(f);
    // Named: prepared once per connection, so PostgreSQL parses and plans it once, not per batch.
    const { rows } = await db.query<{ id: string; status: IngestResult['status'] }>({ name: 'ingest-batch', text: INGEST_SQL, values: [
      col((e) => e.id),
      col((e) => e.token),
      col((e) => e.method),
      col((e) => e.contentType),
      col((e) => e.headersJson),
      col((e) => e.queryJson),
      col((e) => e.bodyJson),
      col((e) => e.dedupeKey),
      col((e) => (e.failedReason ? 'failed' : null)),
      col((e) => e.failedReason),
      config.DEDUPE_WINDOW_SECONDS,
      `dispatch:${randomUUID()}`,
    ] });
    const byId = new Map(rows.map((r) => [r.id, r]));
    return batch.map((e) => {
      const row = byId.get(e.id);
      return row ? { eventId: row.id, status: row.status } : null;
    });
  }

  /**
   * Requests of many tenants share a statement. Values are made storable before they join, but
   * should the statement still fail on one of them, the rows are retried one by one so that only
   * the request at fault gets an error.
   */
  async function flush(batch: PendingEvent[]): Promise<(IngestResult | Error | null)[]> {
    try {
      return await insertBatch(batch);
    } catch (err) {
      if (!isStatementError(err) || batch.length === 1) throw err;
      deps.logger.warn({ err: (err as Error).message, size: batch.length }, 'пакет вебхуков не записался: записываю по одному');
    }
    const results: (IngestResult | Error | null)[] = [];
    for (const e of batch) {
      try {
        results.push((await insertBatch([e]))[0]!);
      } catch (err) {
        if (!isStatementError(err)) throw err;
        results.push(err as Error);
      }
    }
    return results;
  }
  const batcher = new MicroBatcher<PendingEvent, IngestResult | Error | null>(flush, config.INGEST_BATCH_MS);

  /**
   * Stores the request and its dispatch job; resolves only after commit. No external call happens
   * here. Throws NotFoundError for an unknown or revoked token, UserError when the trigger refuses
   * the request (e.g. a wrong secret).
   */
  /**
   * Whether this address may send now (known token, rate limits, waiting events), before the
   * body is read: a flood costs as little as possible and nothing refused is acknowledged.
   */
  async function admit(token: string): Promise<void> {
    const ep = await endpoint(token);
    if (!ep) throw new NotFoundError('Адрес вебхука не найден или отозван', 'HOOK_NOT_FOUND');
    // Not acknowledged, so the sender keeps it and retries: nothing is lost while the block lasts.
    if (ep.blocked) throw new UserError('TENANT_BLOCKED', 'Пространство заблокировано администратором платформы: события временно не принимаются', { status: 423 });
    await admission(token, ep.tenantId);
  }

  async function accept(token: string, request: InboundRequest, storedHeaders: Record<string, string>, failedReason: string | null): Promise<IngestResult> {
    const ep = await endpoint(token);
    if (!ep) throw new NotFoundError('Адрес вебхука не найден или отозван', 'HOOK_NOT_FOUND');
    const trigger = ep.trigger;
    if (trigger?.def.verify && !failedReason) {
      try {
        trigger.def.verify(request, trigger.props);
      } catch (err) {
        if (err instanceof AppError) {
          deps.metrics.webhooks.inc({ outcome: 'rejected' });
          await deps.opLog.write({ tenantId: ep.tenantId, level: 'warn', source: 'webhook', message: `Вебхук отклонён: ${err.message}`, workflowId: ep.workflowId, context: { code: err.code } });
        }
        throw err;
      }
    }
    let dedupeKey: string | null = null;
    if (config.DEDUPE_WINDOW_SECONDS > 0 && !failedReason) {
      const declared = trigger?.def.dedupeKey?.(request, trigger.props);
      dedupeKey = declared ? `k:${storableText(declared).slice(0, 500)}` : `b:${createHash('sha256').update(request.rawBody).digest('base64url')}`;
    }
    const result = await batcher.submit({
      id: randomUUID(),
      token,
      method: storableText(request.method).slice(0, 16),
      contentType: storableText(request.contentType).slice(0, 200),
      headersJson: storableJson(maskHeaders(storedHeaders, ep.secrets)),
      queryJson: storableJson(maskQuery(request.query, ep.secrets)),
      bodyJson: storableJson(request.body ?? null),
      dedupeKey,
      failedReason: failedReason === null ? null : storableText(failedReason),
    });
    if (result instanceof Error) throw result;
    if (!result) {
      cache.delete(token);
      throw new NotFoundError('Адрес вебхука не найден или отозван', 'HOOK_NOT_FOUND');
    }
    deps.metrics.webhooks.inc({ outcome: result.status });
    return result;
  }

  return { admit, accept, release: () => db.release() };
}

export type Ingest = ReturnType<typeof createIngest>;
