import { describe, expect, it } from 'vitest';
import { evaluateGroup } from './conditions.ts';
import { OPERATOR_IDS } from './condition-operators.ts';

/**
 * A webhook often lacks a field (`lead.city` missing, null or empty). A rule over it must be
 * evaluated, never rejected: «пусто» is true, a comparison with a value is false.
 */
const scopes: Record<string, Record<string, unknown>> = {
  'path missing entirely': { trigger: { body: {} } },
  'parent missing': { trigger: {} },
  'value null': { trigger: { body: { lead: { city: null } } } },
  'value empty string': { trigger: { body: { lead: { city: '' } } } },
  'value whitespace': { trigger: { body: { lead: { city: '   ' } } } },
};

const rule = (op: string, right?: unknown) => ({ match: 'all' as const, rules: [{ left: '{{trigger.body.lead.city}}', op, right }] });

/** Expected result of each operator on an absent value, compared with `right`. */
const expected: Record<string, { right?: unknown; result: boolean }> = {
  eq: { right: 'Краснодар', result: false },
  neq: { right: 'Краснодар', result: true },
  contains: { right: 'дар', result: false },
  not_contains: { right: 'дар', result: true },
  starts_with: { right: 'Крас', result: false },
  ends_with: { right: 'дар', result: false },
  in: { right: 'Краснодар, Москва', result: false },
  gt: { right: 5, result: false },
  gte: { right: 5, result: false },
  lt: { right: 5, result: false },
  lte: { right: 5, result: false },
  empty: { result: true },
  not_empty: { result: false },
  regex: { right: '^Крас', result: false },
  phone_eq: { right: '+79181234567', result: false },
};

describe('conditions on absent data', () => {
  it('covers every operator', () => {
    expect(Object.keys(expected).sort()).toEqual([...OPERATOR_IDS].sort());
  });

  for (const [name, scope] of Object.entries(scopes)) {
    for (const [op, { right, result }] of Object.entries(expected)) {
      it(`${op} on ${name} → ${result}`, () => {
        expect(evaluateGroup(rule(op, right), scope)).toBe(result);
      });
    }
  }

  it('equals an explicitly empty right side', () => {
    expect(evaluateGroup(rule('eq', ''), scopes['value null']!)).toBe(true);
  });
});
