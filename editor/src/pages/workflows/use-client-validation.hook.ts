import { useEffect, useMemo } from 'react';
import { validateGraph } from '../../../../core/graph/validate-graph.ts';
import type { NodeTypeInfo } from '../../../../core/graph/node-catalog.ts';
import { catalogFromNodeTypes } from '../../api/node-types.api.ts';
import { useEditorApi } from '../../store/editor-store.context.tsx';

/** Re-validates the graph in the browser (same rules as the server, minus props schemas) as it changes. */
export function useClientValidation(nodeTypes: NodeTypeInfo[] | null) {
  const api = useEditorApi();
  const catalog = useMemo(() => (nodeTypes ? catalogFromNodeTypes(nodeTypes) : null), [nodeTypes]);
  useEffect(() => {
    if (!catalog) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const run = () => {
      const s = api.getState();
      try {
        const { errors, warnings } = validateGraph(s.toGraph(), catalog);
        // The palette lists only the newest versions: older ones are the server's to judge.
        s.setClientIssues([...errors, ...warnings].filter((i) => i.code !== 'NODE_UNKNOWN_VERSION'));
      } catch {
        /* a validator bug must not break editing; the server validates on save */
      }
    };
    run();
    const unsubscribe = api.subscribe((state, prev) => {
      if (state.nodes === prev.nodes && state.edges === prev.edges) return;
      const structural = state.edges !== prev.edges || state.nodes.length !== prev.nodes.length || state.nodes.some((n, i) => n.data !== prev.nodes[i]?.data);
      if (!structural) return;
      clearTimeout(timer);
      timer = setTimeout(run, 150);
    });
    return () => {
      clearTimeout(timer);
      unsubscribe();
    };
  }, [api, catalog]);
}
