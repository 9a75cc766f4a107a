import type { XYPosition } from '@xyflow/react';
import type { RuleFlowNode } from './graph-flow.mapper.ts';

export const NODE_WIDTH = 240;
export const NODE_HEIGHT = 110;
const GAP_X = 80;
const STEP_Y = 40;

const sizeOf = (n: RuleFlowNode) => ({ w: n.measured?.width ?? NODE_WIDTH, h: n.measured?.height ?? NODE_HEIGHT });

function overlaps(p: XYPosition, nodes: RuleFlowNode[]): boolean {
  return nodes.some((n) => {
    const { w, h } = sizeOf(n);
    return p.x < n.position.x + w + 20 && p.x + NODE_WIDTH + 20 > n.position.x && p.y < n.position.y + h + 20 && p.y + NODE_HEIGHT + 20 > n.position.y;
  });
}

/** Moves `p` down until it no longer covers another node. */
export function freeSpot(p: XYPosition, nodes: RuleFlowNode[]): XYPosition {
  let spot = { x: Math.round(p.x / 10) * 10, y: Math.round(p.y / 10) * 10 };
  for (let i = 0; i < 60 && overlaps(spot, nodes); i++) spot = { x: spot.x, y: spot.y + STEP_Y };
  return spot;
}

/**
 * Where a node added by click goes: right of the selected node (it is connected to it), else
 * centred in the visible part of the canvas, never on top of another node.
 */
export function placeNewNode(nodes: RuleFlowNode[], anchor: RuleFlowNode | undefined, viewportCenter: XYPosition): XYPosition {
  if (anchor) {
    const { w } = sizeOf(anchor);
    return freeSpot({ x: anchor.position.x + w + GAP_X, y: anchor.position.y }, nodes);
  }
  return freeSpot({ x: viewportCenter.x - NODE_WIDTH / 2, y: viewportCenter.y - NODE_HEIGHT / 2 }, nodes);
}
