import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { EgressPolicy } from '../../net/egress-policy.ts';
import { buildConnectionContext } from '../../plugins/connection-context.ts';
import { createHttpClient } from '../../plugins/http-client.ts';
import type { ConnectionState } from '../../sdk/connection.ts';
import { AppError, coerceError, UserError } from '../../sdk/errors.ts';
import type { ConnectionRuntime } from '../connections/connection-runtime.ts';

const PROBE_TIMEOUT_MS = 20_000;

/**
 * Tests credentials before anything is stored: the plugin's own `test` on a context whose state
 * and refreshed credentials live in memory only. A binding that fails its test therefore leaves
 * no row behind, and a failed replacement leaves the working credentials untouched. The rate
 * limit is the shared one, so a probe counts against the account like any other request.
 */
export function createCredentialsProbe(deps: { runtime: ConnectionRuntime; egress: EgressPolicy; logger: Logger }) {
  return async function probe(plugin: string, name: string, credentials: Record<string, unknown>): Promise<{ account: string; accountId?: string }> {
    const def = deps.runtime.definition(plugin);
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), PROBE_TIMEOUT_MS);
    const memory = new Map<string, { value: unknown; fetchedAt: Date }>();
    const state: ConnectionState = {
      get: async <T>(key: string) => memory.get(key) as { value: T; fetchedAt: Date } | undefined,
      put: async (key, value) => void memory.set(key, { value, fetchedAt: new Date() }),
      delete: async (key) => void memory.delete(key),
    };
    const id = `probe-${randomUUID()}`;
    try {
      const ctx = buildConnectionContext({
        id, name, plugin, def, credentials,
        http: createHttpClient({ egress: deps.egress, signal: controller.signal }),
        limiter: deps.runtime.limiter,
        state,
        signal: controller.signal,
        logger: deps.logger.child({ plugin, probe: true }),
        hookUrl: null,
        refresh: async (_stale, run) => def.schema.parse(await run()) as Record<string, unknown>,
        metadata: (load) => load(),
      });
      if (def.refresh?.due(ctx.credentials)) await ctx.refreshCredentials();
      return await def.test(ctx);
    } catch (err) {
      const reason = err instanceof AppError ? err.message : `Проверка не удалась: ${coerceError(err).message}`;
      throw new UserError('CONNECTION_TEST_FAILED', reason, { status: 422, cause: err });
    } finally {
      clearTimeout(timer);
    }
  };
}

export type CredentialsProbe = ReturnType<typeof createCredentialsProbe>;
