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
  return useMemo(() => {
    const bad = new Set(issues.filter((i) => i.edgeId && i.severity === 'error').map((i) => i.edgeId));
    return edges.map((e) => {
      const className: string[] = [];
      if (bad.has(e.id)) className.push('edge-invalid');
      if (hasRun) {
        const from = steps[e.source];
        const taken = from?.status === 'succeeded' && (from.branch === null || from.branch === e.sourceHandle) && steps[e.target] !== undefined;
        className.push(taken ? 'edge-taken' : 'edge-idle');
      }
      return { ...e, ariaLabel: `Связь ${e.source} → ${e.target}`, className: className.join(' ') || undefined, animated: false };
    });
  }, [edges, steps, hasRun, issues]);
}
