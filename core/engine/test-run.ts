import type { Config } from '../../config/config.schema.ts';
import type { PluginRegistry } from '../plugins/plugin-registry.ts';
import { runSecrets } from '../plugins/secret-props.ts';
import { declaredSecrets, maskHeaders, maskQuery } from '../ingest/mask-request.ts';
import { storedHeaders } from '../ingest/parse-body.ts';
import { secretAad, type SecretBox } from '../crypto/secret-box.ts';
import { runLimitsFrom } from './run-limits.ts';
import { AppError } from '../sdk/errors.ts';
import { actionContextFactory, triggerEnricher, type ActionContextDeps } from './action-context.ts';
import type { Engine, StepRecord } from './engine.types.ts';
import { executeGraph, type StepStore } from './execute-graph.ts';
import { resolveTrigger, toInboundRequest, triggerOutputs } from './trigger-events.ts';

const memoryStore: StepStore = { save: async () => ({ cancelled: false }) };

/** The real executor on a sample event, with `dryRun` and nothing stored. */
export function createTestRun(deps: ActionContextDeps & { registry: PluginRegistry; config: Config; secretBox: SecretBox }): Engine['testRun'] {
  const limits = runLimitsFrom(deps.config);
  return async ({ tenantId, workflowId, graph, event }) => {
    const started = new Date();
    let trigger;
    let outputs: unknown[];
    try {
      trigger = resolveTrigger(graph, deps.registry);
      // The sample's secrets are masked as a real webhook's are at ingest: the rule sees the same.
      const secrets = declaredSecrets(trigger);
      outputs = triggerOutputs(trigger, toInboundRequest({
        method: event.method ?? 'POST',
        content_type: 'application/json',
        headers: maskHeaders(storedHeaders(event.headers ?? {}), secrets),
        query: maskQuery(event.query ?? {}, secrets),
        body: event.body,
      }));
    } catch (err) {
      const error = err instanceof AppError ? { code: err.code, message: err.message } : { code: 'UNEXPECTED', message: 'Не удалось разобрать событие' };
      return { status: 'failed', error, steps: [] };
    }
    const triggerStep = (status: StepRecord['status'], output: unknown): StepRecord => ({
      nodeId: trigger.node.id, nodeType: trigger.node.type, status, attempt: 1, input: null, output,
      branch: status === 'succeeded' ? 'out' : null, error: null, startedAt: started, finishedAt: new Date(), durationMs: 0, truncated: false,
    });
    if (outputs.length === 0) {
      return { status: 'skipped', error: { code: 'TRIGGER_NOT_MATCHED', message: 'Событие не подходит под условия триггера' }, steps: [triggerStep('skipped', null)] };
    }
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), 60_000);
    try {
      const result = await executeGraph({
        graph,
        registry: deps.registry,
        triggerOutput: outputs[0],
        previous: new Map(),
        store: memoryStore,
        recordSkipped: true,
        limits,
        actionContext: actionContextFactory(deps, { runId: `test-${Date.now()}`, workflowId, tenantId, dryRun: true, signal: controller.signal }),
        enrichTrigger: triggerEnricher(deps, tenantId, true, controller.signal),
        secrets: runSecrets(deps.registry.catalog, deps.secretBox, secretAad(tenantId, workflowId)),
      });
      return {
        status: result.status === 'retry' ? 'failed' : result.status,
        error: result.error,
        steps: [triggerStep('succeeded', outputs[0]), ...result.steps],
      };
    } finally {
      clearTimeout(timer);
    }
  };
}
