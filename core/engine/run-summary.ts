import type { Graph } from '../graph/graph.schema.ts';
import type { PluginRegistry } from '../plugins/plugin-registry.ts';
import type { StepRecord } from './engine.types.ts';
import type { RunOutcome } from './run-outcome.ts';

/** What a salesperson asks of a run: did it do its job, and what came out. */
export type RunVerdict = 'done' | 'filtered' | 'failed' | 'retrying' | 'cancelled';

export const SUMMARY_MAX = 200;

const clip = (s: string) => (s.length > SUMMARY_MAX ? `${s.slice(0, SUMMARY_MAX - 1)}…` : s);

function stepTitle(graph: Graph, registry: PluginRegistry, step: StepRecord): string {
  const node = graph.nodes.find((n) => n.id === step.nodeId);
  return node?.label?.trim() || (node && registry.get(node.type, node.version)?.def.title) || 'Шаг';
}

/** The first meaningful line of an action's output: the plugin's own summary, else an id, else «выполнено». */
function actionLine(graph: Graph, registry: PluginRegistry, step: StepRecord): string {
  const node = graph.nodes.find((n) => n.id === step.nodeId);
  const def = node && registry.get(node.type, node.version)?.def;
  const title = stepTitle(graph, registry, step);
  if (def?.kind === 'action' && def.summarize) {
    try {
      const line = def.summarize(step.output, step.input);
      if (line) return line;
    } catch {
      // a summary must never fail a run
    }
  }
  const out = step.output as Record<string, unknown> | null;
  const id = out && typeof out === 'object' ? (out.id ?? (out.lead as { id?: unknown } | undefined)?.id) : undefined;
  if (typeof id === 'string' || typeof id === 'number') return `${title}: ${id}`;
  const status = out && typeof out === 'object' ? out.status : undefined;
  if (typeof status === 'number') return `${title}: ответ ${status}`;
  return `${title}: выполнено`;
}

/**
 * The verdict and a one-line summary of a settling run, from all its steps (earlier attempts
 * included): «условие не подошло» and «лид создан: 12345» must not both read «успешно».
 */
export function summarizeRun(graph: Graph, registry: PluginRegistry, steps: StepRecord[], outcome: RunOutcome): { verdict: RunVerdict | null; summary: string | null } {
  if (outcome.status === null) return { verdict: 'cancelled', summary: 'Отменён пользователем' };
  if (outcome.status === 'failed') return { verdict: 'failed', summary: clip(outcome.error?.message ?? 'Ошибка') };
  if (outcome.status === 'queued') return { verdict: 'retrying', summary: clip(outcome.error?.message ?? 'Временная ошибка') };
  const kinds = new Map(graph.nodes.map((n) => [n.id, registry.get(n.type, n.version)?.def.kind]));
  const actions = steps.filter((s) => s.status === 'succeeded' && kinds.get(s.nodeId) === 'action');
  if (actions.length > 0) return { verdict: 'done', summary: clip(actionLine(graph, registry, actions.at(-1)!)) };
  // Nothing was done: the walk stopped at a condition that did not match.
  const stopped = steps.filter((s) => kinds.get(s.nodeId) === 'condition').at(-1);
  return { verdict: 'filtered', summary: clip(stopped ? `Условие «${stepTitle(graph, registry, stopped)}» не подошло` : 'Действий не было') };
}
