import type { XYPosition } from '@xyflow/react';
import type { RuleFlowNode } from './graph-flow.mapper.ts';

export const NODE_WIDTH = 240;
export const NODE_HEIGHT = 110;
const GAP_X = 80;
const GAP = 20;
const GRID = 10;

/** The part of the canvas on screen, in flow coordinates. */
export interface FlowRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

const sizeOf = (n: RuleFlowNode) => ({ w: n.measured?.width ?? NODE_WIDTH, h: n.measured?.height ?? NODE_HEIGHT });
const snap = (p: XYPosition) => ({ x: Math.round(p.x / GRID) * GRID, y: Math.round(p.y / GRID) * GRID });

function overlaps(p: XYPosition, nodes: RuleFlowNode[]): boolean {
  return nodes.some((n) => {
    const { w, h } = sizeOf(n);
    return p.x < n.position.x + w + GAP && p.x + NODE_WIDTH + GAP > n.position.x && p.y < n.position.y + h + GAP && p.y + NODE_HEIGHT + GAP > n.position.y;
  });
}

const inside = (p: XYPosition, r: FlowRect) => p.x >= r.x && p.y >= r.y && p.x + NODE_WIDTH <= r.x + r.width && p.y + NODE_HEIGHT <= r.y + r.height;

/**
 * The nearest spot to `p` that covers no other node: tried in rings around it (below and above
 * first, then to the sides), preferring spots inside `view` so the new node is seen where it lands.
 */
export function freeSpot(p: XYPosition, nodes: RuleFlowNode[], view?: FlowRect): XYPosition {
  const start = snap(p);
  if (!overlaps(start, nodes) && (!view || inside(start, view))) return start;
  let fallback: XYPosition | null = overlaps(start, nodes) ? null : start;
  const stepY = NODE_HEIGHT / 2 + GAP;
  const stepX = NODE_WIDTH / 2 + GAP;
  for (let ring = 1; ring <= 12; ring++) {
    const candidates: XYPosition[] = [];
    for (let dx = -ring; dx <= ring; dx++) {
      for (let dy = -ring; dy <= ring; dy++) {
        if (Math.max(Math.abs(dx), Math.abs(dy)) !== ring) continue;
        candidates.push(snap({ x: start.x + dx * stepX, y: start.y + dy * stepY }));
      }
    }
    // Closest first; on a tie, vertical moves before horizontal (a column reads better).
    candidates.sort((a, b) => {
      const da = Math.hypot((a.x - start.x) / 2, a.y - start.y);
      const db = Math.hypot((b.x - start.x) / 2, b.y - start.y);
      return da - db;
    });
    for (const c of candidates) {
      if (overlaps(c, nodes)) continue;
      if (!view || inside(c, view)) return c;
      fallback ??= c;
    }
  }
  return fallback ?? { x: start.x, y: start.y + (nodes.length + 1) * stepY };
}

/**
 * Where a node added by click goes: right of the selected node (it is connected to it), else the
 * centre of the visible canvas; never on top of another node, inside the view when there is room.
 */
export function placeNewNode(nodes: RuleFlowNode[], anchor: RuleFlowNode | undefined, view: FlowRect): XYPosition {
  if (anchor) {
    // The rule reads left to right: the new step goes right of the one it follows (down, then up
    // its column, then the next column), even off screen — the canvas then pans to show it.
    const { w } = sizeOf(anchor);
    const start = snap({ x: anchor.position.x + w + GAP_X, y: anchor.position.y });
    const stepY = NODE_HEIGHT + GAP;
    for (let col = 0; col < 4; col++) {
      for (let k = 0; k < 13; k++) {
        const dy = (k % 2 === 1 ? 1 : -1) * Math.ceil(k / 2) * stepY;
        const spot = snap({ x: start.x + col * (NODE_WIDTH + GAP_X), y: start.y + dy });
        if (!overlaps(spot, nodes)) return spot;
      }
    }
    return freeSpot(start, nodes);
  }
  const centre = { x: view.x + view.width / 2 - NODE_WIDTH / 2, y: view.y + view.height / 2 - NODE_HEIGHT / 2 };
  return freeSpot(centre, nodes, view);
}

/** The visible part of the canvas in flow coordinates, from React Flow's size and transform. */
export function viewRect(width: number, height: number, transform: [number, number, number]): FlowRect {
  const [tx, ty, zoom] = transform;
  return { x: -tx / zoom, y: -ty / zoom, width: width / zoom, height: height / zoom };
}
