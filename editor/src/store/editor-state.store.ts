import { createStore, type StoreApi } from 'zustand/vanilla';
import { applyEdgeChanges, applyNodeChanges } from '@xyflow/react';
import { outputsOf } from '../../../core/graph/node-catalog.ts';
import type { GraphIssue, Step, Workflow } from '../api/workflows.api.ts';
import { nodeTypeKey } from '../api/node-types.api.ts';
import { flowToGraph, graphToFlow, nextId, RULE_NODE_TYPE, type RuleFlowEdge, type RuleFlowNode } from '../canvas/graph-flow.mapper.ts';
import { refuseConnection } from '../canvas/connection-rules.ts';
import { defaultProps } from '../forms/json-schema.util.ts';
import { emptyHistory, record, redo, snapshotOf, undo } from './editor-history.util.ts';
import type { EditorState, EditorStore } from './editor-state.types.ts';
import { issuesByNode, mergeIssues, propPathOf } from './editor-issues.util.ts';
import { createCanvasActions } from './editor-canvas.actions.ts';

export type { EditorActions, EditorState, EditorStore } from './editor-state.types.ts';

const withIssues = (
  p: Pick<EditorState, 'serverIssues' | 'publishIssues' | 'clientIssues'>,
  live?: { clientChecked: boolean; nodes: RuleFlowNode[] },
) => {
  const issues = mergeIssues(
    { server: p.serverIssues, publish: p.publishIssues, client: p.clientIssues },
    live ? { clientChecked: live.clientChecked, nodeIds: new Set(live.nodes.map((n) => n.id)) } : {},
  );
  return { ...p, issues, nodeIssues: issuesByNode(issues) };
};

const setSelected = (nodes: RuleFlowNode[], id: string | null) =>
  nodes.map((n) => (Boolean(n.selected) === (n.id === id) ? n : { ...n, selected: n.id === id }));

export function createEditorStore(workflowId: string): StoreApi<EditorStore> {
  return createStore<EditorStore>()((set, get) => {
    /** Applies a change that belongs in undo history. */
    const change = (key: string | null, patch: Partial<EditorState>) => {
      const s = get();
      set({
        ...patch,
        history: record(s.history, snapshotOf(s.nodes, s.edges), key, Date.now()),
        dirty: true,
        revision: s.revision + 1,
      });
    };

    const restore = (result: ReturnType<typeof undo>) => {
      if (!result) return;
      const s = get();
      const selected = result.snapshot.nodes.some((n) => n.id === s.selectedNodeId) ? s.selectedNodeId : null;
      set({
        nodes: setSelected(result.snapshot.nodes, selected),
        edges: result.snapshot.edges,
        selectedNodeId: selected,
        history: result.history,
        dirty: true,
        revision: s.revision + 1,
      });
    };

    return {
      ...createCanvasActions(get, change),
      workflowId,
      clientChecked: false,
      name: '',
      meta: null,
      nodeTypes: {},
      nodes: [],
      edges: [],
      selectedNodeId: null,
      dirty: false,
      revision: 0,
      history: emptyHistory(),
      testRun: null,
      stepsByNode: {},
      problemsOpen: false,
      ...withIssues({ serverIssues: [], publishIssues: [], clientIssues: [] }),

      load(workflow) {
        const { nodes, edges } = graphToFlow(workflow.graph);
        const { graph: _g, validation, ...meta } = workflow;
        set({
          name: workflow.name,
          meta,
          nodes,
          edges,
          selectedNodeId: null,
          dirty: false,
          history: emptyHistory(),
          ...withIssues(
            { serverIssues: [...validation.errors, ...validation.warnings], publishIssues: [], clientIssues: get().clientIssues },
            { clientChecked: get().clientChecked, nodes },
          ),
        });
      },

      setNodeTypes(list) {
        set({ nodeTypes: Object.fromEntries(list.map((n) => [nodeTypeKey(n.type, n.version), n])) });
      },

      infoOf(nodeId) {
        const node = get().nodes.find((n) => n.id === nodeId);
        return node ? get().nodeTypes[nodeTypeKey(node.data.type, node.data.version)] : undefined;
      },

      onNodesChange(changes) {
        const s = get();
        const removes = changes.filter((c) => c.type === 'remove').map((c) => c.id);
        const moved = changes.some((c) => c.type === 'position' && c.position);
        const nodes = applyNodeChanges(changes, s.nodes);
        let selectedNodeId = s.selectedNodeId;
        if (changes.some((c) => c.type === 'select')) {
          const selected = nodes.filter((n) => n.selected);
          selectedNodeId = selected.length === 0 ? null : (selected.find((n) => n.id === s.selectedNodeId) ?? selected[selected.length - 1]).id;
        }
        if (selectedNodeId && removes.includes(selectedNodeId)) selectedNodeId = null;
        if (removes.length) {
          const edges = s.edges.filter((e) => !removes.includes(e.source) && !removes.includes(e.target));
          change('delete', { nodes, edges, selectedNodeId });
        } else if (moved) {
          set({ nodes, selectedNodeId, dirty: true, revision: s.revision + 1 });
        } else {
          set({ nodes, selectedNodeId });
        }
      },

      onEdgesChange(changes) {
        const s = get();
        const edges = applyEdgeChanges(changes, s.edges);
        if (changes.some((c) => c.type === 'remove')) change('delete', { edges });
        else set({ edges });
      },

      beginDrag() {
        const s = get();
        set({ history: record(s.history, snapshotOf(s.nodes, s.edges), null, Date.now()) });
      },

      canConnect(connection) {
        const s = get();
        const kindOf = (id: string) => s.infoOf(id)?.kind;
        return refuseConnection(connection, s.edges, kindOf);
      },

      connect(connection) {
        const refusal = get().canConnect(connection);
        if (refusal) return refusal;
        const s = get();
        const edge: RuleFlowEdge = {
          id: nextId('e', s.edges),
          source: connection.source,
          sourceHandle: connection.sourceHandle ?? 'out',
          target: connection.target,
          targetHandle: connection.targetHandle ?? 'in',
        };
        change(null, { edges: [...s.edges, edge] });
        return null;
      },

      addNode(info, position, connectFrom) {
        const s = get();
        const id = nextId('n', s.nodes);
        const node: RuleFlowNode = {
          id,
          type: RULE_NODE_TYPE,
          position,
          selected: true,
          data: { type: info.type, version: info.version, props: defaultProps(info.propsSchema) },
        };
        let edges = s.edges;
        const source = connectFrom ? s.nodes.find((n) => n.id === connectFrom) : undefined;
        const sourceInfo = connectFrom ? s.infoOf(connectFrom) : undefined;
        if (source && sourceInfo && info.inputs.length > 0 && info.kind !== 'trigger') {
          const ports = outputsOf(sourceInfo, source.data.props);
          const free = ports.find((p) => !edges.some((e) => e.source === source.id && e.sourceHandle === p.id)) ?? ports[0];
          if (free) {
            edges = [...edges, { id: nextId('e', edges), source: source.id, sourceHandle: free.id, target: id, targetHandle: info.inputs[0].id }];
          }
        }
        change(null, { nodes: [...setSelected(s.nodes, null), node], edges, selectedNodeId: id });
        return id;
      },

      updateNodeProps(id, props) {
        const s = get();
        const node = s.nodes.find((n) => n.id === id);
        if (!node) return;
        const info = s.infoOf(id);
        let edges = s.edges;
        if (info?.dynamicOutputs) {
          const ports = new Set(outputsOf(info, props).map((p) => p.id));
          edges = edges.filter((e) => e.source !== id || ports.has(e.sourceHandle ?? 'out'));
        }
        const before = node.data.props;
        const changed = new Set([...Object.keys(before), ...Object.keys(props)].filter((k) => before[k] !== props[k]));
        const stale = (i: GraphIssue) => {
          const path = i.nodeId === id ? propPathOf(i) : null;
          return path !== null && (path === '' || changed.has(path.split('.')[0]));
        };
        change(`props:${id}`, {
          nodes: s.nodes.map((n) => (n.id === id ? { ...n, data: { ...n.data, props } } : n)),
          edges,
          ...withIssues({
            serverIssues: s.serverIssues.filter((i) => !stale(i)),
            publishIssues: s.publishIssues.filter((i) => !stale(i)),
            clientIssues: s.clientIssues,
          }, { clientChecked: s.clientChecked, nodes: s.nodes }),
        });
      },

      setNodeLabel(id, label) {
        const s = get();
        change(`label:${id}`, {
          nodes: s.nodes.map((n) => (n.id === id ? { ...n, data: { ...n.data, label: label || undefined } } : n)),
        });
      },

      removeNode(id) {
        const s = get();
        change(null, {
          nodes: s.nodes.filter((n) => n.id !== id),
          edges: s.edges.filter((e) => e.source !== id && e.target !== id),
          selectedNodeId: s.selectedNodeId === id ? null : s.selectedNodeId,
        });
      },

      selectNode(id) {
        const s = get();
        set({ nodes: setSelected(s.nodes, id), edges: s.edges.map((e) => (e.selected ? { ...e, selected: false } : e)), selectedNodeId: id });
      },

      undo() {
        const s = get();
        restore(undo(s.history, snapshotOf(s.nodes, s.edges)));
      },

      redo() {
        const s = get();
        restore(redo(s.history, snapshotOf(s.nodes, s.edges)));
      },

      setName(name) {
        set({ name, dirty: true, revision: get().revision + 1 });
      },

      toGraph() {
        return flowToGraph(get().nodes, get().edges);
      },

      markSaved(workflow, revision) {
        get().setServerValidation(workflow);
        set({ dirty: get().revision !== revision });
      },

      setMeta(meta) {
        const { graph: _g, validation: _v, ...rest } = meta as Workflow;
        set({ meta: rest });
      },

      setServerValidation(workflow) {
        const s = get();
        s.setMeta(workflow);
        const { errors, warnings } = workflow.validation ?? { errors: [], warnings: [] };
        set(withIssues({ serverIssues: [...errors, ...warnings], publishIssues: [], clientIssues: s.clientIssues }, { clientChecked: s.clientChecked, nodes: s.nodes }));
      },

      setPublishIssues(issues) {
        const s = get();
        set(withIssues({ serverIssues: s.serverIssues, publishIssues: issues, clientIssues: s.clientIssues }, { clientChecked: s.clientChecked, nodes: s.nodes }));
      },

      setClientIssues(issues) {
        const s = get();
        set({ clientChecked: true, ...withIssues({ serverIssues: s.serverIssues, publishIssues: s.publishIssues, clientIssues: issues }, { clientChecked: true, nodes: s.nodes }) });
      },

      setTestRun(result) {
        const stepsByNode: Record<string, Step> = {};
        for (const step of result?.steps ?? []) {
          const prev = stepsByNode[step.nodeId];
          if (!prev || prev.attempt <= step.attempt) stepsByNode[step.nodeId] = step;
        }
        set({ testRun: result, stepsByNode });
      },

      setProblemsOpen(open) {
        set({ problemsOpen: open });
      },
    };
  });
}
