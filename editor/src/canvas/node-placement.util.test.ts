import { describe, expect, it } from 'vitest';
import type { RuleFlowNode } from './graph-flow.mapper.ts';
import { freeSpot, NODE_HEIGHT, NODE_WIDTH, placeNewNode, viewRect } from './node-placement.util.ts';

const node = (id: string, x: number, y: number): RuleFlowNode => ({ id, type: 'rule', position: { x, y }, data: { type: 't', version: 1, props: {} } });
const overlap = (a: { x: number; y: number }, b: RuleFlowNode) =>
  a.x < b.position.x + NODE_WIDTH && a.x + NODE_WIDTH > b.position.x && a.y < b.position.y + NODE_HEIGHT && a.y + NODE_HEIGHT > b.position.y;

describe('placeNewNode', () => {
  const view = { x: 0, y: 0, width: 1000, height: 600 };

  it('puts a node with nothing selected in the centre of the view', () => {
    expect(placeNewNode([], undefined, view)).toEqual({ x: 380, y: 250 });
  });

  it('never covers a node in the centre and stays in view', () => {
    const nodes = [node('n1', 380, 250)];
    const p = placeNewNode(nodes, undefined, view);
    expect(overlap(p, nodes[0]!)).toBe(false);
    expect(p.x >= 0 && p.y >= 0 && p.x + NODE_WIDTH <= 1000 && p.y + NODE_HEIGHT <= 600).toBe(true);
  });

  it('puts a node right of the selected one', () => {
    const anchor = node('n1', 100, 100);
    expect(placeNewNode([anchor], anchor, view)).toEqual({ x: 420, y: 100 });
  });

  it('a taken spot right of the selection: below it in the same column, then above, never left', () => {
    const nodes = [node('n1', 100, 100), node('n2', 420, 100)];
    expect(placeNewNode(nodes, nodes[0], view)).toEqual({ x: 420, y: 230 });
    const crowded = [...nodes, node('n3', 420, 230), node('n4', 420, 360)];
    const p = placeNewNode(crowded, crowded[0], view);
    expect(p).toEqual({ x: 420, y: -30 });
    for (const n of crowded) expect(overlap(p, n), n.id).toBe(false);
  });

  it('right of the selection even when that is off screen (the canvas pans to it)', () => {
    const anchor = node('n1', 900, 100);
    expect(placeNewNode([anchor], anchor, view).x).toBe(1220);
  });

  it('with no room in view it still returns a free spot', () => {
    const tiny = { x: 0, y: 0, width: 250, height: 120 };
    const nodes = [node('n1', 0, 0)];
    const p = freeSpot({ x: 0, y: 0 }, nodes, tiny);
    expect(overlap(p, nodes[0]!)).toBe(false);
  });
});

describe('viewRect', () => {
  it('turns the transform into flow coordinates', () => {
    expect(viewRect(800, 400, [-100, 50, 2])).toEqual({ x: 50, y: -25, width: 400, height: 200 });
  });
});
