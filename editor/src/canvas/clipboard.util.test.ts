import { describe, expect, it } from 'vitest';
import type { RuleFlowEdge, RuleFlowNode } from './graph-flow.mapper.ts';
import { copyNodes, freePasteOffset, pasteNodes } from './clipboard.util.ts';

const node = (id: string, type: string, props: Record<string, unknown> = {}): RuleFlowNode => ({
  id, type: 'rule', position: { x: 100, y: 50 }, data: { type, version: 1, props },
});
const nodes = [
  node('n1', 'webhook.catch'),
  node('n2', 'logic.condition', { group: { match: 'all', rules: [{ left: '{{n1.body.city}}', op: 'eq', right: 'Сочи' }] } }),
  node('n3', 'http.request', { body: '{"city": "{{n1.body.city}}", "id": {{ n2.branch }}, "x": "{{trigger.body.n2}}"}' }),
];
const edges: RuleFlowEdge[] = [
  { id: 'e1', source: 'n1', sourceHandle: 'out', target: 'n2', targetHandle: 'in' },
  { id: 'e2', source: 'n2', sourceHandle: 'true', target: 'n3', targetHandle: 'in' },
];
const isTrigger = (d: RuleFlowNode['data']) => d.type === 'webhook.catch';

describe('copy and paste of nodes', () => {
  it('copies the chosen nodes with the edges between them only', () => {
    const data = copyNodes(nodes, edges, ['n2', 'n3'])!;
    expect(data.nodes.map((n) => n.id)).toEqual(['n2', 'n3']);
    expect(data.edges).toEqual([{ source: 'n2', sourceHandle: 'true', target: 'n3', targetHandle: 'in' }]);
    expect(copyNodes(nodes, edges, [])).toBeNull();
  });

  it('pastes with new ids, an offset, selected, and the inner edge re-pointed', () => {
    const data = copyNodes(nodes, edges, ['n2', 'n3'])!;
    const out = pasteNodes(data, { nodes, edges }, { x: 40, y: 40 }, isTrigger, true);
    expect(out.nodes.map((n) => [n.id, n.position, n.selected])).toEqual([
      ['n4', { x: 140, y: 90 }, true],
      ['n5', { x: 140, y: 90 }, true],
    ]);
    expect(out.edges).toEqual([{ id: 'e3', source: 'n4', sourceHandle: 'true', target: 'n5', targetHandle: 'in' }]);
    // Templates pointing at a copied node follow it; others (n1, trigger) stay.
    expect(out.nodes[1]!.data.props.body).toBe('{"city": "{{n1.body.city}}", "id": {{ n4.branch }}, "x": "{{trigger.body.n2}}"}');
    // The copy is independent of the original.
    expect(out.nodes[0]!.data.props).not.toBe(nodes[1]!.data.props);
  });

  it('leaves out a trigger when the rule already has one', () => {
    const data = copyNodes(nodes, edges, ['n1', 'n2'])!;
    const out = pasteNodes(data, { nodes, edges }, { x: 0, y: 0 }, isTrigger, true);
    expect(out.skippedTriggers).toBe(1);
    expect(out.nodes.map((n) => n.data.type)).toEqual(['logic.condition']);
    expect(out.edges).toEqual([]);
    const into = pasteNodes(data, { nodes: [], edges: [] }, { x: 0, y: 0 }, isTrigger, false);
    expect(into.nodes.map((n) => n.id)).toEqual(['n1', 'n2']);
    expect(into.nodes[1]!.data.props).toEqual(nodes[1]!.data.props);
  });
});

describe('freePasteOffset', () => {
  it('keeps the small step when it is free, moves down past other steps otherwise', () => {
    const data = copyNodes(nodes, edges, ['n3'])!;
    expect(freePasteOffset(data, [], { x: 40, y: 40 })).toEqual({ x: 40, y: 40 });
    // The original itself is in the way of a 40 px step.
    const o = freePasteOffset(data, nodes, { x: 40, y: 40 });
    expect(o.x).toBe(40);
    expect(o.y).toBeGreaterThanOrEqual(110 + 20);
  });
});
