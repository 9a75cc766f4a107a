import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import {
  Background,
  BackgroundVariant,
  ControlButton,
  Controls,
  MarkerType,
  MiniMap,
  ReactFlow,
  useNodesInitialized,
  useReactFlow,
  type Connection,
  type Edge,
  type FinalConnectionState,
  type IsValidConnection,
} from '@xyflow/react';
import { LayoutIcon } from '@radix-ui/react-icons';
import { outputsOf, type NodeTypeInfo } from '../../../core/graph/node-catalog.ts';
import { latestNodeTypes } from '../api/node-types.api.ts';
import { useEditor, useEditorApi } from '../store/editor-store.context.tsx';
import { toast } from '../store/editor-toast.store.ts';
import type { HandleRef } from '../store/editor-canvas.actions.ts';
import { CanvasContextMenu } from './canvas-context-menu.component.tsx';
import { connectableTypes, REFUSAL_MESSAGES } from './connection-rules.ts';
import { FLOW_ARIA_RU } from './flow-aria.ru.ts';
import { RULE_NODE_TYPE, type RuleFlowNode } from './graph-flow.mapper.ts';
import { KIND_STYLE, UNKNOWN_KIND_STYLE } from './node-kind.style.ts';
import { NodePicker } from './node-picker.component.tsx';
import { RuleNode } from './rule-node.component.tsx';
import { PALETTE_MIME, useAddNode } from './use-add-node.hook.ts';
import { useKeepSelectionInView } from './use-keep-selection-in-view.hook.ts';
import { useStyledEdges } from './use-styled-edges.hook.ts';

const NODE_TYPES = { [RULE_NODE_TYPE]: RuleNode };
const DEFAULT_EDGE_OPTIONS = { markerEnd: { type: MarkerType.ArrowClosed, width: 16, height: 16, color: '#6b6b75' } };
const DELETE_KEYS = ['Delete', 'Backspace'];
const PRO_OPTIONS = { hideAttribution: true };
const MINIMAP_KEY = 'editor.minimap';

interface Picker {
  at: { x: number; y: number };
  screen: { x: number; y: number };
  from: HandleRef;
  title: string;
}

/** A small map, off by default (remembered): when on, bottom left next to the zoom buttons, away from the handles. */
function useMinimap() {
  const [shown, setShown] = useState(() => localStorage.getItem(MINIMAP_KEY) === '1');
  useEffect(() => localStorage.setItem(MINIMAP_KEY, shown ? '1' : '0'), [shown]);
  return [shown, () => setShown((v) => !v)] as const;
}

/** The React Flow canvas of the rule, controlled by the editor store. `readOnly`: look, don't touch. */
export function RuleCanvas({ readOnly = false, onLayout }: { readOnly?: boolean; onLayout?: () => void }) {
  const api = useEditorApi();
  const nodes = useEditor((s) => s.nodes);
  const edges = useStyledEdges();
  const onNodesChange = useEditor((s) => s.onNodesChange);
  const onEdgesChange = useEditor((s) => s.onEdgesChange);
  const beginDrag = useEditor((s) => s.beginDrag);
  const { addAtScreen, addFromHandle } = useAddNode();
  const [minimap, toggleMinimap] = useMinimap();
  const [picker, setPicker] = useState<Picker | null>(null);
  const box = useRef<HTMLDivElement>(null);
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
    (event: MouseEvent | TouchEvent, state: FinalConnectionState) => {
      const from = state.fromNode && state.fromHandle ? { nodeId: state.fromNode.id, handleId: state.fromHandle.id ?? null, type: state.fromHandle.type } : null;
      if (!from) return;
      if (!state.toNode) {
        // Dropped on empty canvas: offer the steps that may connect here.
        const point = 'changedTouches' in event ? event.changedTouches[0]! : event;
        const rect = box.current?.getBoundingClientRect();
        if (!rect) return;
        const s = api.getState();
        const info = s.infoOf(from.nodeId);
        const node = s.nodes.find((n) => n.id === from.nodeId);
        const ports = info && node ? outputsOf(info, node.data.props) : [];
        const portTitle = from.type === 'source' && ports.length > 1 ? ports.find((p) => p.id === from.handleId)?.title : undefined;
        const name = node?.data.label?.trim() || info?.title || 'шаг';
        setPicker({
          at: { x: point.clientX - rect.left, y: point.clientY - rect.top },
          screen: { x: point.clientX, y: point.clientY },
          from,
          title: from.type === 'source' ? `Что сделать после «${name}»${portTitle ? ` (${portTitle})` : ''}?` : `Что выполнить перед «${name}»?`,
        });
        return;
      }
      if (state.isValid !== false || !state.toHandle) return;
      const refusal = api.getState().canConnect({
        source: from.type === 'source' ? from.nodeId : state.toNode.id,
        target: from.type === 'source' ? state.toNode.id : from.nodeId,
        sourceHandle: from.type === 'source' ? from.handleId : (state.toHandle.id ?? null),
        targetHandle: from.type === 'source' ? (state.toHandle.id ?? null) : from.handleId,
      });
      if (refusal) toast.warning(REFUSAL_MESSAGES[refusal]);
    },
    [api],
  );

  const pickerTypes = useMemo<NodeTypeInfo[]>(() => {
    if (!picker) return [];
    const s = api.getState();
    const hasTrigger = s.nodes.some((n) => s.infoOf(n.id)?.kind === 'trigger');
    return connectableTypes(latestNodeTypes(Object.values(s.nodeTypes)), picker.from.type, hasTrigger);
  }, [picker, api]);

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

  const flow = (
    <div className="editor-canvas" data-testid="canvas" ref={box} onDragOver={readOnly ? undefined : onDragOver} onDrop={readOnly ? undefined : onDrop}>
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
        deleteKeyCode={readOnly ? null : DELETE_KEYS}
        nodesDraggable={!readOnly}
        nodesConnectable={!readOnly}
        elementsSelectable={!readOnly}
        defaultEdgeOptions={DEFAULT_EDGE_OPTIONS}
        fitView
        fitViewOptions={fitViewOptions}
        minZoom={0.2}
        maxZoom={2}
        snapToGrid
        snapGrid={[10, 10]}
        proOptions={PRO_OPTIONS}
        ariaLabelConfig={FLOW_ARIA_RU}
        onPaneClick={() => setPicker(null)}
      >
        <Background variant={BackgroundVariant.Dots} gap={20} size={1.2} color="#3a3a3a" bgColor="#1a1a1a" />
        {minimap && (
          <MiniMap
            position="bottom-left"
            className="editor-minimap"
            pannable
            zoomable
            nodeColor={minimapColor}
            nodeStrokeWidth={0}
            maskColor="rgba(10, 10, 10, 0.65)"
            bgColor="#232323"
            style={{ width: 160, height: 100 }}
          />
        )}
        <Controls showInteractive={false} fitViewOptions={fitViewOptions} position="bottom-left">
          <ControlButton onClick={toggleMinimap} aria-label={minimap ? 'Скрыть мини-карту' : 'Показать мини-карту'} title={minimap ? 'Скрыть мини-карту' : 'Показать мини-карту'} data-testid="canvas-minimap-toggle" aria-pressed={minimap}>
            <MinimapGlyph />
          </ControlButton>
          {!readOnly && onLayout && (
            <ControlButton onClick={onLayout} aria-label="Выстроить схему слева направо" title="Выстроить схему слева направо" data-testid="canvas-layout">
              <LayoutIcon />
            </ControlButton>
          )}
        </Controls>
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
      {picker && (
        <NodePicker
          at={picker.at}
          bounds={{ width: box.current?.clientWidth ?? 800, height: box.current?.clientHeight ?? 600 }}
          types={pickerTypes}
          title={picker.title}
          onClose={() => setPicker(null)}
          onPick={(info) => {
            const from = picker.from;
            setPicker(null);
            addFromHandle(info, picker.screen, from);
          }}
        />
      )}
    </div>
  );
  return readOnly ? flow : <CanvasContextMenu onLayout={onLayout}>{flow}</CanvasContextMenu>;
}

function MinimapGlyph() {
  return (
    <svg width="15" height="15" viewBox="0 0 15 15" fill="none" aria-hidden>
      <rect x="1.5" y="2.5" width="12" height="10" rx="1.5" stroke="currentColor" />
      <rect x="3.5" y="6.5" width="4" height="4" rx="0.5" fill="currentColor" />
    </svg>
  );
}
