import { useCallback } from 'react';
import { useReactFlow } from '@xyflow/react';
import { outputsOf } from '../../../core/graph/node-catalog.ts';
import { nodeTypeKey } from '../api/node-types.api.ts';
import { useEditorApi } from '../store/editor-store.context.tsx';
import { layoutLeftToRight } from './auto-layout.util.ts';

/** «Выстроить схему»: left to right, one undo step, then the whole rule in view. */
export function useAutoLayout() {
  const api = useEditorApi();
  const flow = useReactFlow();
  return useCallback(() => {
    const s = api.getState();
    if (s.nodes.length === 0) return;
    const order = (nodeId: string, handle: string) => {
      const node = s.nodes.find((n) => n.id === nodeId);
      const info = node ? s.nodeTypes[nodeTypeKey(node.data.type, node.data.version)] : undefined;
      return info && node ? outputsOf(info, node.data.props).findIndex((p) => p.id === handle) : 0;
    };
    // Triggers first: the layout keeps the first node where it is.
    const isTrigger = (id: string) => s.infoOf(id)?.kind === 'trigger';
    const nodes = [...s.nodes].sort((a, b) => Number(isTrigger(b.id)) - Number(isTrigger(a.id)));
    s.applyLayout(layoutLeftToRight(nodes, s.edges, order));
    requestAnimationFrame(() => void flow.fitView({ padding: 0.2, maxZoom: 1, duration: 250 }));
  }, [api, flow]);
}
