import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Graph, GraphEdge, GraphNode } from './graph.schema.ts';
import type { NodeCatalog, NodeTypeInfo } from './node-catalog.ts';
import { isGraphValid, validateGraph } from './validate-graph.ts';

const port = (id: string) => ({ id, title: id });
const base = { plugin: 'p', description: '', propsSchema: {} };
const leadProps = z.object({ name: z.string().min(1, 'Обязательное поле'), price: z.number().optional() });

const TYPES: NodeTypeInfo[] = [
  { ...base, type: 'webhook.request', version: 1, kind: 'trigger', title: 'Входящий запрос', inputs: [], outputs: [port('out')] },
  { ...base, type: 'core.if', version: 1, kind: 'condition', title: 'Если', inputs: [port('in')], outputs: [port('true'), port('false')] },
  {
    ...base,
    type: 'core.switch',
    version: 1,
    kind: 'condition',
    title: 'Развилка',
    inputs: [port('in')],
    outputs: [],
    dynamicOutputs: { fromProp: 'branches', idKey: 'id', titleKey: 'title', extra: [port('else')] },
  },
  ...[1, 2].map((version): NodeTypeInfo => ({
    ...base,
    type: 'amocrm.create_lead',
    version,
    kind: 'action',
    title: 'Создать сделку',
    inputs: [port('in')],
    outputs: [port('out'), port('error')],
    propsSchema: { type: 'object', properties: { name: { title: 'Название сделки' }, price: { title: 'Бюджет' } } },
  })),
];

const catalog: NodeCatalog = {
  get: (type, version) => TYPES.find((t) => t.type === type && t.version === version),
  versions: (type) => TYPES.filter((t) => t.type === type).map((t) => t.version),
  validateProps: (type, _version, props) => {
    if (type !== 'amocrm.create_lead') return [];
    const r = leadProps.safeParse(props);
    return r.success ? [] : r.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  },
};

const node = (id: string, type: string, props: Record<string, unknown> = {}, version = 1): GraphNode => ({
  id, type, version, props, position: { x: 0, y: 0 },
});
const edge = (id: string, source: string, target: string, sourceHandle = 'out', targetHandle = 'in'): GraphEdge => ({
  id, source, target, sourceHandle, targetHandle,
});
const lead = (id: string, props: Record<string, unknown> = { name: 'Сделка' }) => node(id, 'amocrm.create_lead', props);

/*
 *   t ──> if ─true──> a
 *          └─false──> b
 */
const valid = (): Graph => ({
  schemaVersion: 1,
  nodes: [node('t', 'webhook.request'), node('if', 'core.if'), lead('a'), lead('b', { name: '{{ trigger.name | trim }}' })],
  edges: [edge('e1', 't', 'if'), edge('e2', 'if', 'a', 'true'), edge('e3', 'if', 'b', 'false')],
});

function with_(change: (g: Graph) => void): Graph {
  const g = valid();
  change(g);
  return g;
}

const codes = (issues: { code: string; nodeId?: string; edgeId?: string; path?: string }[]) =>
  issues.map((i) => [i.code, i.nodeId ?? i.edgeId ?? i.path ?? null]);

describe('validateGraph', () => {
  it('accepts a valid graph', () => {
    expect(validateGraph(valid(), catalog)).toEqual({ errors: [], warnings: [] });
    expect(isGraphValid(valid(), catalog)).toBe(true);
  });

  it('reports schema errors with a path and the node id when known', () => {
    const g = with_((g) => ((g.nodes[1] as any).version = 'x'));
    const { errors } = validateGraph(g, catalog);
    expect(errors).toEqual([
      expect.objectContaining({ code: 'GRAPH_SCHEMA_INVALID', path: 'nodes.1.version', nodeId: 'if', severity: 'error' }),
    ]);
    expect(errors[0]!.message).toMatch(/^Ошибка в структуре схемы \(nodes\.1\.version\): .*[а-я]/);
    expect(codes(validateGraph(null, catalog).errors)).toEqual([['GRAPH_SCHEMA_INVALID', null]]);
    expect(isGraphValid({ schemaVersion: 2, nodes: [], edges: [] }, catalog)).toBe(false);
  });

  it.each<[string, (g: Graph) => void, [string, string | null][]]>([
    ['duplicate node id', (g) => g.nodes.push(lead('a')), [['NODE_DUPLICATE_ID', 'a']]],
    ['duplicate edge id', (g) => g.edges.push(edge('e1', 'a', 'b')), [['EDGE_DUPLICATE_ID', 'e1']]],
    ['unknown type', (g) => (g.nodes[2] = node('a', 'bitrix.create_deal')), [['NODE_UNKNOWN_TYPE', 'a']]],
    ['unknown version', (g) => (g.nodes[2] = node('a', 'amocrm.create_lead', { name: 'x' }, 3)), [['NODE_UNKNOWN_VERSION', 'a']]],
    ['invalid props', (g) => (g.nodes[2] = lead('a', { name: '', price: 'дорого' })), [['NODE_PROPS_INVALID', 'a'], ['NODE_PROPS_INVALID', 'a']]],
    ['template syntax error', (g) => (g.nodes[2] = lead('a', { name: 'Сделка {{ trigger.name' })), [['NODE_TEMPLATE_INVALID', 'a']]],
    ['no trigger', (g) => (g.nodes[0] = lead('t')), [['GRAPH_NO_TRIGGER', null]]],
    ['two triggers', (g) => g.nodes.push(node('t2', 'webhook.request')), [['GRAPH_MULTIPLE_TRIGGERS', 't2']]],
    ['dangling edge', (g) => g.edges.push(edge('e9', 'a', 'ghost')), [['EDGE_DANGLING', 'e9']]],
    ['unknown output port', (g) => (g.edges[1]!.sourceHandle = 'maybe'), [['EDGE_BAD_SOURCE_PORT', 'e2']]],
    ['unknown input port', (g) => (g.edges[1]!.targetHandle = 'side'), [['EDGE_BAD_TARGET_PORT', 'e2']]],
    ['edge into the trigger', (g) => g.edges.push(edge('e9', 'a', 't')), [['EDGE_BAD_TARGET_PORT', 'e9']]],
    ['self loop', (g) => g.edges.push(edge('e9', 'a', 'a')), [['GRAPH_CYCLE', 'a']]],
    ['duplicate connection', (g) => g.edges.push(edge('e9', 'if', 'a', 'true')), [['EDGE_DUPLICATE', 'e9']]],
  ])('%s', (_name, change, expected) => {
    const { errors } = validateGraph(with_(change), catalog);
    expect(codes(errors)).toEqual(expected);
    for (const e of errors) expect(e.message).toMatch(/[а-яё]/i);
  });

  it('mentions the field title and the prop path in props errors', () => {
    const { errors } = validateGraph(with_((g) => (g.nodes[2] = lead('a', { name: '' }))), catalog);
    expect(errors).toEqual([
      { code: 'NODE_PROPS_INVALID', severity: 'error', nodeId: 'a', path: 'name', message: 'Узел «Создать сделку»: поле «Название сделки» — Обязательное поле' },
    ]);
  });

  it('uses the node label in messages', () => {
    const g = with_((g) => (g.nodes[2] = { ...lead('a', { name: '' }), label: 'Сделка для VIP' }));
    expect(validateGraph(g, catalog).errors[0]!.message).toContain('«Сделка для VIP»');
  });

  it('points at every node of a cycle, once', () => {
    /*
     *   t ──> if ─true─> a ──> c ──> d
     *                    ^───────────┘
     */
    const g = with_((g) => {
      g.nodes.push(lead('c'), lead('d'));
      g.edges.push(edge('e4', 'a', 'c'), edge('e5', 'c', 'd'), edge('e6', 'd', 'a'));
    });
    const { errors } = validateGraph(g, catalog);
    expect(codes(errors)).toEqual([['GRAPH_CYCLE', 'a'], ['GRAPH_CYCLE', 'c'], ['GRAPH_CYCLE', 'd']]);
    expect(errors[0]!.message).toContain('«Создать сделку» → ');
  });

  it('accepts a diamond (a merge is not a cycle)', () => {
    const g = with_((g) => {
      g.nodes.push(lead('m'));
      g.edges.push(edge('e4', 'a', 'm'), edge('e5', 'b', 'm'));
    });
    expect(validateGraph(g, catalog).errors).toEqual([]);
  });

  it('checks dynamic ports of a switch against its props', () => {
    const sw = node('sw', 'core.switch', { branches: [{ id: 'hot', title: 'Горячие' }] });
    const g: Graph = {
      schemaVersion: 1,
      nodes: [node('t', 'webhook.request'), sw, lead('a'), lead('b'), lead('c')],
      edges: [edge('e1', 't', 'sw'), edge('e2', 'sw', 'a', 'hot'), edge('e3', 'sw', 'b', 'else'), edge('e4', 'sw', 'c', 'cold')],
    };
    expect(codes(validateGraph(g, catalog).errors)).toEqual([['EDGE_BAD_SOURCE_PORT', 'e4']]);
  });

  it('does not check ports of nodes of unknown types', () => {
    const g = with_((g) => (g.nodes[1] = node('if', 'gone.plugin')));
    expect(codes(validateGraph(g, catalog).errors)).toEqual([['NODE_UNKNOWN_TYPE', 'if']]);
  });
});

describe('warnings', () => {
  it.each<[string, (g: Graph) => void, [string, string | null][]]>([
    ['unreachable node', (g) => g.nodes.push(lead('lonely')), [['NODE_UNREACHABLE', 'lonely']]],
    ['trigger without next step', (g) => (g.edges = []), [['TRIGGER_NO_NEXT', 't'], ['NODE_UNREACHABLE', 'if'], ['NODE_UNREACHABLE', 'a'], ['NODE_UNREACHABLE', 'b']]],
    ['template uses a node that does not run before', (g) => (g.nodes[3] = lead('b', { name: '{{ a.id }}' })), [['TEMPLATE_NOT_UPSTREAM', 'b']]],
  ])('%s', (_name, change, expected) => {
    const result = validateGraph(with_(change), catalog);
    expect(result.errors).toEqual([]);
    expect(codes(result.warnings)).toEqual(expected);
    for (const w of result.warnings) expect(w.severity).toBe('warning');
  });

  it('does not warn about templates using upstream nodes', () => {
    const g = with_((g) => {
      g.nodes.push(lead('c', { name: '{{ a.id }} {{ trigger.x }} {{ if.branch }}' }));
      g.edges.push(edge('e4', 'a', 'c'));
    });
    expect(validateGraph(g, catalog)).toEqual({ errors: [], warnings: [] });
  });
});
