import type pg from 'pg';
import type { Config } from '../../config/config.schema.ts';
import { UserError } from '../sdk/errors.ts';
import { TokenBuckets } from '../util/token-bucket.ts';

const QUEUED_REFRESH_MS = 2000;

const tooMany = (message: string, retryAfterSeconds: number) =>
  new UserError('WEBHOOK_RATE_LIMITED', message, { status: 429, details: { retryAfterSeconds } });

/**
 * Whether a webhook may come in, decided before its body is read: per address and per tenant
 * rates, and a cap on events a tenant has waiting. A refused request is not acknowledged, so the
 * sender retries later; nothing is ever acknowledged and then dropped.
 */
export function createIngestAdmission(deps: { query: (q: pg.QueryConfig) => Promise<pg.QueryResult>; config: Config }) {
  const { config } = deps;
  const perToken = new TokenBuckets(config.INGEST_RATE_PER_TOKEN, config.INGEST_BURST_PER_TOKEN);
  const perTenant = new TokenBuckets(config.INGEST_RATE_PER_TENANT, config.INGEST_BURST_PER_TENANT);
  let queued = new Map<string, number>();
  let queuedAt = 0;
  let refreshing: Promise<void> | null = null;
  let known = false;

  /**
   * Waiting events per tenant, refreshed every few seconds (one grouped count over a partial
   * index). Only the first requests wait for it; after that the last counts answer while the next
   * ones are read, so a flood never queues behind this query.
   */
  function refreshQueued(): Promise<void> | undefined {
    if (Date.now() - queuedAt < QUEUED_REFRESH_MS) return undefined;
    refreshing ??= deps
      .query({ name: 'ingest-queued', text: `select tenant_id, count(*)::int as n from inbound_event where status = 'queued' group by tenant_id` })
      .then(({ rows }) => {
        queued = new Map(rows.map((r: { tenant_id: string; n: number }) => [r.tenant_id, r.n]));
        queuedAt = Date.now();
        known = true;
      })
      .finally(() => {
        refreshing = null;
      });
    if (!known) return refreshing;
    refreshing.catch(() => {}); // a failed refresh keeps the last counts; the next request retries
    return undefined;
  }

  /** Synchronous when the waiting counts are fresh: this runs for every webhook. */
  return function admit(token: string, tenantId: string): Promise<void> | void {
    const tokenWait = perToken.take(token);
    if (tokenWait > 0) throw tooMany(`Слишком много запросов на этот адрес вебхука: не больше ${config.INGEST_RATE_PER_TOKEN} в секунду. Повторите позже.`, tokenWait);
    const tenantWait = perTenant.take(tenantId);
    if (tenantWait > 0) {
      perToken.refund(token);
      throw tooMany(`Слишком много вебхуков для этого пространства: не больше ${config.INGEST_RATE_PER_TENANT} в секунду. Повторите позже.`, tenantWait);
    }
    const refresh = refreshQueued();
    if (refresh) return refresh.then(() => checkQueued(token, tenantId));
    checkQueued(token, tenantId);
  };

  function checkQueued(token: string, tenantId: string): void {
    if ((queued.get(tenantId) ?? 0) < config.TENANT_MAX_QUEUED_EVENTS) return;
    perToken.refund(token);
    perTenant.refund(tenantId);
    throw tooMany(`Необработанных событий этого пространства больше ${config.TENANT_MAX_QUEUED_EVENTS}: приём приостановлен, пока они не обработаны. Повторите позже.`, 30);
  }
}
