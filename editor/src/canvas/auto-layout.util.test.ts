import { describe, expect, it } from 'vitest';
import { layoutLeftToRight } from './auto-layout.util.ts';
import { NODE_HEIGHT, NODE_WIDTH } from './node-placement.util.ts';

const n = (id: string, x = 0, y = 0) => ({ id, position: { x, y } });

describe('layoutLeftToRight', () => {
  // trigger → condition → (Да) a, (Нет) b → c; d unconnected; all piled at one spot.
  const nodes = [n('t', 500, 300), n('cond'), n('a'), n('b'), n('c'), n('d')];
  const edges = [
    { source: 't', target: 'cond', sourceHandle: 'out' },
    { source: 'cond', target: 'b', sourceHandle: 'false' },
    { source: 'cond', target: 'a', sourceHandle: 'true' },
    { source: 'a', target: 'c', sourceHandle: 'out' },
    { source: 'b', target: 'c', sourceHandle: 'out' },
  ];
  const order = (id: string, h: string) => (id === 'cond' ? ['true', 'false'].indexOf(h) : 0);
  const pos = layoutLeftToRight(nodes, edges, order);

  it('goes left to right along the edges and keeps the first node in place', () => {
    expect(pos.t).toEqual({ x: 500, y: 300 });
    for (const e of edges) expect(pos[e.target]!.x, `${e.source}→${e.target}`).toBeGreaterThan(pos[e.source]!.x + NODE_WIDTH);
  });

  it('leaves no two nodes overlapping', () => {
    const ids = Object.keys(pos);
    for (const a of ids) {
      for (const b of ids) {
        if (a >= b) continue;
        const pa = pos[a]!;
        const pb = pos[b]!;
        const apart = pa.x + NODE_WIDTH <= pb.x || pb.x + NODE_WIDTH <= pa.x || pa.y + NODE_HEIGHT <= pb.y || pb.y + NODE_HEIGHT <= pa.y;
        expect(apart, `${a} / ${b}`).toBe(true);
      }
    }
  });

  it('puts the «Да» branch above the «Нет» branch', () => {
    expect(pos.a!.y).toBeLessThan(pos.b!.y);
  });

  it('handles an empty graph', () => {
    expect(layoutLeftToRight([], [])).toEqual({});
  });
});
