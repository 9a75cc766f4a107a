import { describe, expect, it } from 'vitest';
import type { NodeKind } from '../../../core/graph/node-catalog.ts';
import { connectableTypes, refuseConnection, upstreamOf } from './connection-rules.ts';

const kinds: Record<string, NodeKind> = { n1: 'trigger', n2: 'condition', n3: 'action', n4: 'action' };
const kindOf = (id: string) => kinds[id];
const edges = [
  { source: 'n1', sourceHandle: 'out', target: 'n2', targetHandle: 'in' },
  { source: 'n2', sourceHandle: 'true', target: 'n3', targetHandle: 'in' },
];
const conn = (source: string, target: string, sourceHandle = 'out') => ({ source, target, sourceHandle, targetHandle: 'in' });

describe('refuseConnection', () => {
  it('accepts a fresh forward edge', () => {
    expect(refuseConnection(conn('n2', 'n4', 'false'), edges, kindOf)).toBeNull();
  });
  it('refuses self loops, edges into a trigger, duplicates and cycles', () => {
    expect(refuseConnection(conn('n3', 'n3'), edges, kindOf)).toBe('self');
    expect(refuseConnection(conn('n3', 'n1'), edges, kindOf)).toBe('trigger-target');
    expect(refuseConnection(conn('n2', 'n3', 'true'), edges, kindOf)).toBe('duplicate');
    expect(refuseConnection(conn('n3', 'n2'), edges, kindOf)).toBe('cycle');
  });
  it('allows a second edge between the same nodes from another port', () => {
    expect(refuseConnection(conn('n2', 'n3', 'false'), edges, kindOf)).toBeNull();
  });
});

describe('upstreamOf', () => {
  it('lists ancestors nearest first', () => {
    expect(upstreamOf('n3', edges)).toEqual(['n2', 'n1']);
    expect(upstreamOf('n1', edges)).toEqual([]);
  });
});

describe('connectableTypes', () => {
  const types = [
    { type: 'hook', kind: 'trigger' as const, inputs: [], outputs: [{ id: 'out' }] },
    { type: 'cond', kind: 'condition' as const, inputs: [{ id: 'in' }], outputs: [{ id: 'true' }, { id: 'false' }] },
    { type: 'switch', kind: 'condition' as const, inputs: [{ id: 'in' }], outputs: [], dynamicOutputs: {} },
    { type: 'end', kind: 'action' as const, inputs: [{ id: 'in' }], outputs: [] },
  ];
  it('from an output: anything with an input, never a trigger', () => {
    expect(connectableTypes(types, 'source', false).map((t) => t.type)).toEqual(['cond', 'switch', 'end']);
  });
  it('from an input: anything with an output; a trigger only while the rule has none', () => {
    expect(connectableTypes(types, 'target', false).map((t) => t.type)).toEqual(['hook', 'cond', 'switch']);
    expect(connectableTypes(types, 'target', true).map((t) => t.type)).toEqual(['cond', 'switch']);
  });
});
