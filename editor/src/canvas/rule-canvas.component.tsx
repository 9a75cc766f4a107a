import { useCallback, useEffect, useMemo, useRef, type DragEvent } from 'react';
import {
  Background,
  BackgroundVariant,
  Controls,
  MarkerType,
  MiniMap,
  ReactFlow,
  useNodesInitialized,
  useReactFlow,
  useStore,
  useStoreApi,
  type Connection,
  type Edge,
  type IsValidConnection,
} from '@xyflow/react';
import { useEditor, useEditorApi } from '../store/editor-store.context.tsx';
import { toast } from '../store/editor-toast.store.ts';
import { REFUSAL_MESSAGES } from './connection-rules.ts';
import { FLOW_ARIA_RU } from './flow-aria.ru.ts';
import { RULE_NODE_TYPE, type RuleFlowNode } from './graph-flow.mapper.ts';
import { KIND_STYLE, UNKNOWN_KIND_STYLE } from './node-kind.style.ts';
import { RuleNode } from './rule-node.component.tsx';
import { PALETTE_MIME, useAddNode } from './use-add-node.hook.ts';
import { useStyledEdges } from './use-styled-edges.hook.ts';
import { NODE_HEIGHT, NODE_WIDTH } from './node-placement.util.ts';

const NODE_TYPES = { [RULE_NODE_TYPE]: RuleNode };
const DEFAULT_EDGE_OPTIONS = { markerEnd: { type: MarkerType.ArrowClosed, width: 16, height: 16, color: '#6b6b75' } };
const DELETE_KEYS = ['Delete', 'Backspace'];
const PRO_OPTIONS = { hideAttribution: true };

/**
 * When the canvas gets narrower (the inspector opens on the right), the viewport keeps its left
 * edge, so the selected node could end up hidden behind the inspector: pan to it, keeping the zoom.
 */
function useKeepSelectionInView() {
  const width = useStore((s) => s.width);
  const selectedId = useEditor((s) => s.selectedNodeId);
  const flow = useReactFlow();
  const flowStore = useStoreApi();
  const prevWidth = useRef(width);
  useEffect(() => {
    const before = prevWidth.current;
    prevWidth.current = width;
    if (!selectedId || !before || width >= before) return;
    const node = flow.getInternalNode(selectedId);
    if (!node) return;
    const { height, transform } = flowStore.getState();
    const [tx, ty, zoom] = transform;
    const w = node.measured.width ?? NODE_WIDTH;
    const h = node.measured.height ?? NODE_HEIGHT;
    const { x, y } = node.internals.positionAbsolute;
    const cx = (x + w / 2) * zoom + tx;
    const cy = (y + h / 2) * zoom + ty;
    if (cx >= 0 && cx <= width && cy >= 0 && cy <= height) return;
    void flow.setCenter(x + w / 2, y + h / 2, { zoom, duration: 200 });
  }, [width, selectedId, flow, flowStore]);
}

/** The React Flow canvas of the rule, controlled by the editor store. */
export function RuleCanvas() {
  const api = useEditorApi();
  const nodes = useEditor((s) => s.nodes);
  const edges = useStyledEdges();
  const onNodesChange = useEditor((s) => s.onNodesChange);
  const onEdgesChange = useEditor((s) => s.onEdgesChange);
  const beginDrag = useEditor((s) => s.beginDrag);
  const { addAtScreen } = useAddNode();
  useKeepSelectionInView();

  const isValidConnection = useCallback<IsValidConnection<Edge>>((c) => api.getState().canConnect(c as Connection) === null, [api]);
  const onConnect = useCallback(
    (c: Connection) => {
      const refusal = api.getState().connect(c);
      if (refusal) toast.warning(REFUSAL_MESSAGES[refusal]);
    },
    [api],
  );
  const onConnectEnd = useCallback(
    (_: unknown, state: { isValid: boolean | null; fromNode: { id: string } | null; toNode: { id: string } | null; fromHandle: { id?: string | null } | null; toHandle: { id?: string | null } | null }) => {
      if (state.isValid !== false || !state.fromNode || !state.toNode || !state.toHandle) return;
      const refusal = api.getState().canConnect({
        source: state.fromNode.id,
        target: state.toNode.id,
        sourceHandle: state.fromHandle?.id ?? null,
        targetHandle: state.toHandle.id ?? null,
      });
      if (refusal) toast.warning(REFUSAL_MESSAGES[refusal]);
    },
    [api],
  );

  const onDragOver = useCallback((e: DragEvent) => {
    if (!e.dataTransfer.types.includes(PALETTE_MIME)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'move';
  }, []);
  const onDrop = useCallback(
    (e: DragEvent) => {
      const type = e.dataTransfer.getData(PALETTE_MIME);
      if (!type) return;
      e.preventDefault();
      const s = api.getState();
      const info = Object.values(s.nodeTypes)
        .filter((n) => n.type === type)
        .sort((a, b) => b.version - a.version)[0];
      if (info) addAtScreen(info, { x: e.clientX, y: e.clientY });
    },
    [api, addAtScreen],
  );

  const minimapColor = useCallback(
    (n: RuleFlowNode) => {
      const kind = api.getState().nodeTypes[`${n.data.type}@${n.data.version}`]?.kind;
      return (kind ? KIND_STYLE[kind] : UNKNOWN_KIND_STYLE).color;
    },
    [api],
  );
  const fitViewOptions = useMemo(() => ({ padding: 0.2, maxZoom: 1 }), []);
  const { fitView } = useReactFlow();
  const initialized = useNodesInitialized();
  const fitted = useRef(false);
  useEffect(() => {
    // Fit once the nodes are measured (the `fitView` prop alone can run before the layout settles).
    if (!initialized || fitted.current) return;
    fitted.current = true;
    requestAnimationFrame(() => void fitView(fitViewOptions));
  }, [initialized, fitView, fitViewOptions]);

  return (
    <div className="editor-canvas" data-testid="canvas" onDragOver={onDragOver} onDrop={onDrop}>
      <ReactFlow<RuleFlowNode, Edge>
        colorMode="dark"
        nodes={nodes}
        edges={edges}
        nodeTypes={NODE_TYPES}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={onConnect}
        onConnectEnd={onConnectEnd}
        isValidConnection={isValidConnection}
        onNodeDragStart={beginDrag}
        onSelectionDragStart={beginDrag}
        deleteKeyCode={DELETE_KEYS}
        defaultEdgeOptions={DEFAULT_EDGE_OPTIONS}
        fitView
        fitViewOptions={fitViewOptions}
        minZoom={0.2}
        maxZoom={2}
        snapToGrid
        snapGrid={[10, 10]}
        proOptions={PRO_OPTIONS}
        ariaLabelConfig={FLOW_ARIA_RU}
      >
        <Background variant={BackgroundVariant.Dots} gap={20} size={1.2} color="#3a3a3a" bgColor="#1a1a1a" />
        <MiniMap pannable zoomable nodeColor={minimapColor} nodeStrokeWidth={0} maskColor="rgba(10, 10, 10, 0.65)" bgColor="#232323" />
        <Controls showInteractive={false} fitViewOptions={fitViewOptions} />
      </ReactFlow>
      {nodes.length === 0 && (
        <div className="canvas-empty" data-testid="canvas-empty">
          <div className="canvas-empty-title">Правило пока пустое</div>
          <div className="canvas-empty-text">
            Начните с триггера — события, которое запускает правило. Нажмите на него в списке слева или перетащите на
            холст, затем добавьте условия и действия.
          </div>
        </div>
      )}
    </div>
  );
}
