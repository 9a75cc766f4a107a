import { describe, expect, it } from 'vitest';
import type { Graph, GraphEdge } from './graph.schema.ts';
import type { NodeCatalog } from './node-catalog.ts';
import { ancestorsOf, buildIndex, createWalk, findTrigger, GraphTraversalError, nextNodes, reachableFrom, topologicalOrder } from './traversal.ts';

/** `'a>b'`, `'a:true>b'`: an edge from a's handle (default `out`) to b. */
function graph(nodes: string, ...edges: string[]): Graph {
  return {
    schemaVersion: 1,
    nodes: nodes.split(' ').map((id) => ({ id, type: id === 't' ? 'x.trigger' : 'x.node', version: 1, position: { x: 0, y: 0 }, props: {} })),
    edges: edges.map((spec, i): GraphEdge => {
      const [from, target] = spec.split('>') as [string, string];
      const [source, sourceHandle = 'out'] = from.split(':') as [string, string?];
      return { id: `e${i}`, source, sourceHandle, target, targetHandle: 'in' };
    }),
  };
}

/** Runs a walk where `decide` says which handle each node leaves by (default `out`). */
function run(g: Graph, decide: Record<string, string | string[] | null> = {}): string[] {
  const walk = createWalk(buildIndex(g), 't');
  for (let id = walk.next(); id !== undefined; id = walk.next()) walk.complete(id, id in decide ? decide[id]! : 'out');
  return [...walk.visited];
}

describe('branching', () => {
  /*
   *                ┌─ true ──> a ──> b
   *   t ──> if ────┤
   *                └─ false ─> c
   */
  const g = graph('t if a b c', 't>if', 'if:true>a', 'a>b', 'if:false>c');

  it('follows only the handle the condition returned', () => {
    expect(run(g, { if: 'true' })).toEqual(['t', 'if', 'a', 'b']);
    expect(run(g, { if: 'false' })).toEqual(['t', 'if', 'c']);
  });

  it('stops the branch when the condition returns null', () => {
    expect(run(g, { if: null })).toEqual(['t', 'if']);
  });

  it('nextNodes lists the targets of one handle', () => {
    const index = buildIndex(g);
    expect(nextNodes(index, 'if', 'true')).toEqual(['a']);
    expect(nextNodes(index, 'if', 'other')).toEqual([]);
    expect(nextNodes(index, 'if', null)).toEqual([]);
    expect(nextNodes(index, 'missing', 'out')).toEqual([]);
  });
});

describe('actions with an error output', () => {
  /*
   *   t ──> act ──out──> ok
   *          └───error─> alert
   */
  const g = graph('t act ok alert', 't>act', 'act>ok', 'act:error>alert');

  it.each([
    ['out', ['t', 'act', 'ok']],
    ['error', ['t', 'act', 'alert']],
  ])('continues via %s', (handle, expected) => {
    expect(run(g, { act: handle })).toEqual(expected);
  });
});

describe('fan-out and merge', () => {
  /*
   *        ┌──> a ──> x ──┐
   *   t ───┤              ├──> m
   *        └──> b ────────┘
   */
  const g = graph('t a b x m', 't>a', 't>b', 'a>x', 'x>m', 'b>m');

  it('runs breadth-first and runs a merge node once, when first reached', () => {
    expect(run(g)).toEqual(['t', 'a', 'b', 'x', 'm']);
  });

  it('a node reached from one live branch still runs', () => {
    /*
     *   t ──> if ─true─> a ──┐
     *          └─false─> b ──┴──> m
     */
    const g2 = graph('t if a b m', 't>if', 'if:true>a', 'if:false>b', 'a>m', 'b>m');
    expect(run(g2, { if: 'false' })).toEqual(['t', 'if', 'b', 'm']);
  });

  it('two edges from the same handle to the same node queue it once', () => {
    const g3 = graph('t a', 't>a', 't>a');
    expect(nextNodes(buildIndex(g3), 't', 'out')).toEqual(['a']);
    expect(run(g3)).toEqual(['t', 'a']);
  });

  it('several handles at once (e.g. a switch matching many branches)', () => {
    const g4 = graph('t sw a b c', 't>sw', 'sw:b1>a', 'sw:b2>b', 'sw:else>c');
    expect(run(g4, { sw: ['b2', 'b1'] })).toEqual(['t', 'sw', 'b', 'a']);
  });
});

describe('reachability', () => {
  /*
   *   t ──> a ──> b        c ──> d   (c, d are detached)
   */
  const g = graph('t a b c d', 't>a', 'a>b', 'c>d', 'a>ghost');
  const index = buildIndex(g);

  it('reachableFrom includes the start node', () => {
    expect([...reachableFrom(index, 't')].sort()).toEqual(['a', 'b', 't']);
    expect([...reachableFrom(index, 'c')].sort()).toEqual(['c', 'd']);
    expect(reachableFrom(index, 'nope').size).toBe(0);
  });

  it('ancestorsOf lists the upstream nodes', () => {
    expect([...ancestorsOf(index, 'b')].sort()).toEqual(['a', 't']);
    expect(ancestorsOf(index, 't').size).toBe(0);
  });

  it('buildIndex skips dangling edges', () => {
    expect(index.outgoing.get('a')?.get('out')?.map((e) => e.target)).toEqual(['b']);
    expect(index.incoming.has('ghost')).toBe(false);
  });
});

describe('findTrigger', () => {
  const g = graph('a t b', 't>a', 'a>b');
  const catalog: Pick<NodeCatalog, 'get'> = {
    get: (type) => (type === 'x.trigger' ? ({ kind: 'trigger' } as never) : ({ kind: 'action' } as never)),
  };

  it.each([
    ['by catalog', catalog, 't'],
    ['by predicate', (n: { type: string }) => n.type === 'x.trigger', 't'],
    ['the only root without a catalog', undefined, 't'],
  ])('%s', (_name, by, expected) => {
    expect(findTrigger(g, by as never)?.id).toBe(expected);
  });

  it('is undefined without a catalog when no node or several nodes have no incoming edge', () => {
    expect(findTrigger(graph('a b', 'a>b', 'b>a'))).toBeUndefined();
    expect(findTrigger(graph('t a'))).toBeUndefined();
  });
});

describe('topologicalOrder', () => {
  it('orders parents before children, whatever the node order', () => {
    /*
     *   t ──> a ──> c
     *   └───> b ──┘
     */
    expect(topologicalOrder(graph('c b a t', 't>a', 't>b', 'a>c', 'b>c'))).toEqual(['t', 'a', 'b', 'c']);
    expect(topologicalOrder(graph('b a'))).toEqual(['b', 'a']);
  });

  it('throws GRAPH_CYCLE naming the nodes on the cycle', () => {
    /*
     *   t ──> a ──> b
     *         ^─────┘
     */
    const attempt = () => topologicalOrder(graph('t a b', 't>a', 'a>b', 'b>a'));
    expect(attempt).toThrow(GraphTraversalError);
    expect(attempt).toThrow(expect.objectContaining({ code: 'GRAPH_CYCLE', nodeIds: ['a', 'b'] }));
  });
});
