import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { nodeTypeKey } from '../../api/node-types.api.ts';
import { upstreamOf } from '../../canvas/connection-rules.ts';
import { collectPaths, type FieldPathGroup } from '../../forms/field-paths.util.ts';
import { useEditor } from '../../store/editor-store.context.tsx';

/**
 * What the template picker offers for a node: the data of every upstream node, from the last
 * test run when there is one, else from the node type's sample. The trigger is `trigger`.
 */
export function useFieldPaths(nodeId: string | null): FieldPathGroup[] {
  const edges = useEditor((s) => s.edges);
  const ids = useEditor(useShallow((s) => s.nodes.map((n) => n.id)));
  const datas = useEditor(useShallow((s) => s.nodes.map((n) => n.data)));
  const nodeTypes = useEditor((s) => s.nodeTypes);
  const steps = useEditor((s) => s.stepsByNode);

  return useMemo(() => {
    if (!nodeId) return [];
    const byId = new Map(ids.map((id, i) => [id, datas[i]]));
    const groups: FieldPathGroup[] = [];
    for (const id of upstreamOf(nodeId, edges)) {
      const data = byId.get(id);
      if (!data) continue;
      const info = nodeTypes[nodeTypeKey(data.type, data.version)];
      const ref = info?.kind === 'trigger' ? 'trigger' : id;
      const step = steps[id];
      const fromTest = step?.status === 'succeeded' && step.output !== undefined && step.output !== null;
      const value = fromTest ? step.output : info?.sample;
      const paths = collectPaths(value, ref);
      if (paths.length === 0 && value === undefined) continue;
      groups.push({
        ref,
        title: `${data.label || info?.title || data.type} · ${ref}`,
        source: fromTest ? 'test' : 'sample',
        paths: paths.length ? paths : [{ path: ref, preview: String(value) }],
      });
    }
    // The trigger first: it is what most templates read.
    return groups.sort((a, b) => (a.ref === 'trigger' ? -1 : b.ref === 'trigger' ? 1 : 0));
  }, [nodeId, edges, ids, datas, nodeTypes, steps]);
}
