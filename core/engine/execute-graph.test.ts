import { describe, expect, it } from 'vitest';
import type { Graph, GraphNode } from '../graph/graph.schema.ts';
import { createPluginRegistry } from '../plugins/plugin-registry.ts';
import { defineAction, definePlugin, OperationalError, UserError } from '../sdk/index.ts';
import type { ActionContext } from '../sdk/context.ts';
import { plugins } from '../../plugins/index.ts';
import { z } from 'zod';
import type { StepRecord } from './engine.types.ts';
import { executeGraph, type StepStore } from './execute-graph.ts';

/** An action whose behaviour each test scripts; it counts its calls. */
const calls: string[] = [];
let script: (nodeId: string) => unknown = () => ({ ok: true });
const probe = definePlugin({
  id: 'probe', title: 'Проба', description: 'Только для тестов', version: '0.0.1',
  nodes: [defineAction({
    id: 'act', title: 'Действие', description: 'Скриптуемое действие', errorOutput: true,
    props: z.object({ label: z.string().default('') }),
    async run(ctx) {
      calls.push(ctx.run.nodeId);
      return script(ctx.run.nodeId);
    },
  })],
});
const registry = createPluginRegistry([...plugins.filter((p) => p.id === 'webhook' || p.id === 'logic'), probe]);

const node = (id: string, type: string, props: Record<string, unknown> = {}): GraphNode => ({ id, type, version: 1, position: { x: 0, y: 0 }, props });
const edge = (source: string, sourceHandle: string, target: string) => ({ id: `${source}-${sourceHandle}-${target}`, source, sourceHandle, target, targetHandle: 'in' });

//  ┌───────┐   ┌───────────────┐ true  ┌────┐   ┌────┐
//  │trigger├──►│ city = Краснодар├──────►│ a1 ├──►│ a2 │
//  └───────┘   └───────────────┘ false ┌────┐   └────┘
//                               └─────►│ a3 │
//                                      └────┘
const graph: Graph = {
  schemaVersion: 1,
  nodes: [
    node('t', 'webhook.catch'),
    node('c', 'logic.condition', { group: { match: 'all', rules: [{ left: '{{trigger.body.lead.city}}', op: 'eq', right: 'Краснодар' }] } }),
    node('a1', 'probe.act'), node('a2', 'probe.act'), node('a3', 'probe.act'),
  ],
  edges: [edge('t', 'out', 'c'), edge('c', 'true', 'a1'), edge('a1', 'out', 'a2'), edge('c', 'false', 'a3')],
};

const LIMITS = { propChars: 1 << 20, stepChars: 2 << 20, outputChars: 16 << 20, regexMs: 100, conditionRules: 100 };

function memoryStore() {
  const saved: { step: StepRecord; durable: boolean }[] = [];
  const store: StepStore = { save: async (step, durable) => (saved.push({ step, durable }), { cancelled: false }) };
  return { saved, store };
}

const ctxFactory = async (n: GraphNode, _r: unknown, props: unknown, scope: Record<string, unknown>, attempt: number) =>
  ({ props, input: scope, run: { runId: 'r', workflowId: 'w', tenantId: 't', nodeId: n.id, attempt } }) as unknown as ActionContext;

async function run(body: unknown, previous = new Map<string, StepRecord>()) {
  calls.length = 0;
  const { saved, store } = memoryStore();
  const result = await executeGraph({ graph, registry, triggerOutput: { body }, previous, store, actionContext: ctxFactory, limits: LIMITS });
  return { result, saved };
}

describe('executeGraph', () => {
  it('walks the true branch and stores every action durably except the last', async () => {
    script = () => ({ ok: true });
    const { result, saved } = await run({ lead: { city: 'Краснодар' } });
    expect(result.status).toBe('succeeded');
    expect(calls).toEqual(['a1', 'a2']);
    expect(saved.map((s) => [s.step.nodeId, s.durable])).toEqual([['c', false], ['a1', true], ['a2', false]]);
  });

  it('takes «Нет» when the field is absent, null or empty — the rule is evaluated, not rejected', async () => {
    script = () => ({ ok: true });
    for (const body of [{}, { lead: {} }, { lead: { city: null } }, { lead: { city: '' } }, null]) {
      const { result, saved } = await run(body);
      expect(result.status).toBe('succeeded');
      expect(saved[0]!.step.branch).toBe('false');
      expect(calls).toEqual(['a3']);
    }
  });

  it('resumes after the finished steps: a succeeded action never runs again', async () => {
    script = () => ({ ok: true });
    const first = await run({ lead: { city: 'Краснодар' } });
    const done = new Map(first.saved.filter((s) => s.step.nodeId !== 'a2').map((s) => [s.step.nodeId, s.step]));
    await run({ lead: { city: 'Краснодар' } }, done);
    expect(calls).toEqual(['a2']);
  });

  it('asks for a retry on an OperationalError, with the remote hint, and stops there', async () => {
    script = (id) => {
      if (id === 'a1') throw new OperationalError('REMOTE_BUSY', 'Сервис занят', { retryAfterMs: 5000 });
      return {};
    };
    const { result } = await run({ lead: { city: 'Краснодар' } });
    expect(result).toMatchObject({ status: 'retry', retryAfterMs: 5000, error: { code: 'REMOTE_BUSY' } });
    expect(calls).toEqual(['a1']);
  });

  it('fails at once on a UserError, and on a plugin bug without retrying it', async () => {
    script = () => {
      throw new UserError('BAD_INPUT', 'Неверные данные');
    };
    expect((await run({ lead: { city: 'Краснодар' } })).result).toMatchObject({ status: 'failed', error: { code: 'BAD_INPUT' } });
    script = () => {
      throw new TypeError('x is undefined');
    };
    expect((await run({ lead: { city: 'Краснодар' } })).result).toMatchObject({ status: 'failed', error: { code: 'UNEXPECTED' } });
  });
});
