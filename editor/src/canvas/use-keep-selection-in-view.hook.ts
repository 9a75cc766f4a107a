import { useEffect, useRef } from 'react';
import { useReactFlow, useStore, useStoreApi } from '@xyflow/react';
import { useEditor } from '../store/editor-store.context.tsx';
import { NODE_HEIGHT, NODE_WIDTH } from './node-placement.util.ts';

/**
 * When the canvas gets narrower (the inspector opens on the right), the viewport keeps its left
 * edge, so the selected node could end up hidden behind the inspector: pan to it, keeping the zoom.
 */
export function useKeepSelectionInView() {
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
    const left = x * zoom + tx;
    const right = (x + w) * zoom + tx;
    const cy = (y + h / 2) * zoom + ty;
    if (left >= 0 && right <= width && cy >= 0 && cy <= height) return;
    void flow.setCenter(x + w / 2, y + h / 2, { zoom, duration: 200 });
  }, [width, selectedId, flow, flowStore]);
}
