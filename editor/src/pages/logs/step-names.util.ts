import type { Step } from '../../api/workflows.api.ts';
import type { Graph } from '../../../../core/graph/graph.schema.ts';
import { outputsOf, type NodeTypeInfo } from '../../../../core/graph/node-catalog.ts';

export interface StepNames {
  /** What the user called the node, or the node type's title; never a type id or a node id. */
  title: string;
  /** The node type's title when the user's label is the title. */
  typeTitle: string | null;
  /** «Да», «Нет», a named branch: only for nodes that choose a way (a condition, a switch). */
  branchTitle: string | null;
}

/** The usual port ids, should the node type be unknown (an uninstalled plugin). */
const BRANCH_WORDS: Record<string, string> = { true: 'Да', false: 'Нет', error: 'Ошибка' };

/** A step in business language, from the run's own graph and the node types. */
export function stepNames(step: Pick<Step, 'nodeId' | 'nodeType' | 'branch'>, graph: Graph | null, nodeTypes: NodeTypeInfo[]): StepNames {
  const node = graph?.nodes.find((n) => n.id === step.nodeId);
  const info = nodeTypes.find((t) => t.type === step.nodeType && t.version === node?.version) ?? nodeTypes.find((t) => t.type === step.nodeType);
  const typeTitle = info?.title ?? null;
  let outputs: { id: string; title: string }[] = [];
  if (info) {
    try {
      outputs = outputsOf(info, (node?.props ?? {}) as Record<string, unknown>);
    } catch {
      outputs = info.outputs;
    }
  }
  let branchTitle: string | null = null;
  // A single way out («Далее») says nothing; a choice between ways does.
  if (step.branch && (outputs.length > 1 || (!info && step.branch !== 'out'))) {
    branchTitle = outputs.find((p) => p.id === step.branch)?.title ?? BRANCH_WORDS[step.branch] ?? 'другая';
  }
  const label = node?.label?.trim();
  return {
    title: label || typeTitle || (info ? 'Шаг' : 'Шаг неизвестного типа'),
    typeTitle: label ? typeTitle : null,
    branchTitle,
  };
}
