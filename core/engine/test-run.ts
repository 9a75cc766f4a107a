import type { PluginRegistry } from '../plugins/plugin-registry.ts';
import { AppError } from '../sdk/errors.ts';
import { actionContextFactory, type ActionContextDeps } from './action-context.ts';
import type { Engine, StepRecord } from './engine.types.ts';
import { executeGraph, type StepStore } from './execute-graph.ts';
import { resolveTrigger, toInboundRequest, triggerOutputs } from './trigger-events.ts';

const memoryStore: StepStore = { save: async () => ({ cancelled: false }) };

/** The real executor on a sample event, with `dryRun` and nothing stored. */
export function createTestRun(deps: ActionContextDeps & { registry: PluginRegistry }): Engine['testRun'] {
  return async ({ tenantId, workflowId, graph, event }) => {
    const started = new Date();
    let trigger;
    let outputs: unknown[];
    try {
      trigger = resolveTrigger(graph, deps.registry);
      outputs = triggerOutputs(trigger, toInboundRequest({
        method: event.method ?? 'POST',
        content_type: 'application/json',
        headers: event.headers ?? {},
        query: event.query ?? {},
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
        actionContext: actionContextFactory(deps, { runId: `test-${Date.now()}`, workflowId, tenantId, dryRun: true, signal: controller.signal }),
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
