import { useMemo } from 'react';
import type { Edge } from '@xyflow/react';
import { useEditor } from '../store/editor-store.context.tsx';

/**
 * Edges as drawn: after a test run the path the data took is highlighted, the rest dimmed;
 * edges with a validation issue are red.
 */
export function useStyledEdges(): Edge[] {
  const edges = useEditor((s) => s.edges);
  const steps = useEditor((s) => s.stepsByNode);
  const hasRun = useEditor((s) => s.testRun !== null);
  const issues = useEditor((s) => s.issues);
  // Screen readers hear steps by their names, never by ids like «n2».
  const names = useEditor((s) => s.nodes.map((n) => `${n.id}\u0000${n.data.label?.trim() || s.nodeTypes[`${n.data.type}@${n.data.version}`]?.title || 'шаг'}`).join('\u0001'));
  return useMemo(() => {
    const title = new Map(names.split('\u0001').map((pair) => pair.split('\u0000') as [string, string]));
    const bad = new Set(issues.filter((i) => i.edgeId && i.severity === 'error').map((i) => i.edgeId));
    return edges.map((e) => {
      const className: string[] = [];
      if (bad.has(e.id)) className.push('edge-invalid');
      if (hasRun) {
        const from = steps[e.source];
        const taken = from?.status === 'succeeded' && (from.branch === null || from.branch === e.sourceHandle) && steps[e.target] !== undefined;
        className.push(taken ? 'edge-taken' : 'edge-idle');
      }
      return { ...e, ariaLabel: `Связь «${title.get(e.source) ?? 'шаг'}» → «${title.get(e.target) ?? 'шаг'}»`, className: className.join(' ') || undefined, animated: false };
    });
  }, [edges, steps, hasRun, issues, names]);
}
