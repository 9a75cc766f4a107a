import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ConditionError, conditionGroupSchema, evaluateGroup, evaluateRule, explainGroup, type ConditionGroup } from './conditions.ts';

const scope = {
  trigger: { status: 'hot', price: '1 500,50', phone: '8 (918) 123-45-67', tags: ['vip', 'опт'], created: '01.05.2024' },
  n2: { total: 1500, name: 'ООО Ромашка' },
};

describe('evaluateGroup', () => {
  it.each<[string, Parameters<typeof evaluateGroup>[0], boolean]>([
    ['all: every rule true', { match: 'all', rules: [{ left: '{{trigger.status}}', op: 'eq', right: 'hot' }, { left: '{{ n2.total }}', op: 'gt', right: 1000 }] }, true],
    ['all: one rule false', { match: 'all', rules: [{ left: '{{trigger.status}}', op: 'eq', right: 'hot' }, { left: '{{ n2.total }}', op: 'gt', right: 2000 }] }, false],
    ['any: one rule true', { match: 'any', rules: [{ left: '{{trigger.status}}', op: 'eq', right: 'cold' }, { left: '{{ trigger.tags }}', op: 'contains', right: 'vip' }] }, true],
    ['match defaults to all', { rules: [{ left: '{{trigger.status}}', op: 'eq', right: 'cold' }, { left: 1, op: 'eq', right: 1 }] }, false],
    ['empty all is true', { match: 'all', rules: [] }, true],
    ['empty any is false', { match: 'any', rules: [] }, false],
    ['templates on the right side', { rules: [{ left: '{{ trigger.price }}', op: 'gt', right: '{{ n2.total }}' }] }, true],
    ['array right side is resolved', { rules: [{ left: '{{ trigger.status }}', op: 'in', right: ['cold', '{{ trigger.status }}'] }] }, true],
    ['raw array from a template', { rules: [{ left: '{{ trigger.tags }}', op: 'contains', right: 'опт' }] }, true],
    ['filters work in conditions', { rules: [{ left: '{{ trigger.phone | phone }}', op: 'eq', right: '+79181234567' }] }, true],
    ['phone_eq', { rules: [{ left: '{{ trigger.phone }}', op: 'phone_eq', right: '+7 918 123 45 67' }] }, true],
    ['dates', { rules: [{ left: '{{ trigger.created }}', op: 'lt', right: '2024-05-02' }] }, true],
    ['missing field is empty', { rules: [{ left: '{{ trigger.nope }}', op: 'empty' }] }, true],
    [
      'nested any-group inside all',
      {
        match: 'all',
        rules: [
          { left: '{{ n2.name }}', op: 'starts_with', right: 'ооо', caseInsensitive: true },
          { op: 'group', match: 'any', rules: [{ left: '{{trigger.status}}', op: 'eq', right: 'cold' }, { left: '{{trigger.status}}', op: 'eq', right: 'hot' }] },
        ],
      },
      true,
    ],
    ['nested group without matches', { rules: [{ op: 'group', match: 'all', rules: [{ left: 'a', op: 'eq', right: 'b' }] }] }, false],
  ])('%s', (_name, group, expected) => {
    expect(evaluateGroup(group, scope)).toBe(expected);
  });

  it('does not render templates without a scope (props were resolved upstream)', () => {
    expect(evaluateGroup({ rules: [{ left: '{{ x }}', op: 'eq', right: '{{ x }}' }] })).toBe(true);
    expect(evaluateGroup({ rules: [{ left: '{{ x }}', op: 'not_empty' }] })).toBe(true);
  });

  it('throws ConditionError for rules that cannot run, even after a false rule', () => {
    const group = { match: 'all' as const, rules: [{ left: 'a', op: 'eq' as const, right: 'b' }, { left: 'a', op: 'regex' as const, right: '(a+)+' }] };
    expect(() => evaluateGroup(group)).toThrow(ConditionError);
    expect(() => evaluateGroup({ rules: [{ left: 'a', op: 'like' }] } as never)).toThrow('Неизвестный оператор');
    expect(() => evaluateGroup({} as never)).toThrow(ConditionError);
  });

  it('evaluateRule checks a single rule', () => {
    expect(evaluateRule({ left: '{{ n2.total }}', op: 'gte', right: '1500' }, scope)).toBe(true);
  });
});

describe('explainGroup', () => {
  it('shows resolved sides and each result', () => {
    const result = explainGroup(
      { match: 'any', rules: [{ left: '{{ n2.total }}', op: 'gt', right: 2000 }, { op: 'group', match: 'all', rules: [{ left: '{{ trigger.status }}', op: 'not_empty' }] }] },
      scope,
    );
    expect(result).toEqual({
      result: true,
      match: 'any',
      rules: [
        { op: 'gt', left: 1500, right: 2000, result: false },
        { op: 'group', left: undefined, result: true, rules: [{ op: 'not_empty', left: 'hot', result: true }] },
      ],
    });
  });
});

describe('conditionGroupSchema', () => {
  const issues = (value: unknown) => {
    const r = conditionGroupSchema.safeParse(value);
    return r.success ? [] : r.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  };

  it('parses a valid group and fills defaults', () => {
    const parsed: ConditionGroup = conditionGroupSchema.parse({ rules: [{ left: '{{trigger.x}}', op: 'eq', right: 1 }, { op: 'group', rules: [] }] });
    expect(parsed).toEqual({ match: 'all', rules: [{ left: '{{trigger.x}}', op: 'eq', right: 1 }, { op: 'group', match: 'all', rules: [] }] });
  });

  it.each([
    [{ rules: [{ left: 'a', op: 'like' }] }, 'rules.0', 'Неизвестный оператор «like»'],
    [{ rules: [{ left: 'a' }] }, 'rules.0', 'Выберите оператор'],
    [{ rules: [{ op: 'eq' }] }, 'rules.0.left', 'Укажите, что проверять'],
    [{ rules: [{ left: 'a', op: 'regex', right: '(a+)+' }] }, 'rules.0.right', 'не разрешено: вложенные повторения'],
    [{ rules: [{ left: 'a', op: 'regex', right: '[' }] }, 'rules.0.right', 'Ошибка в регулярном выражении'],
    [{ rules: [{ left: 'a', op: 'regex' }] }, 'rules.0.right', 'Укажите регулярное выражение'],
    [{ rules: [{ op: 'group', rules: [{ left: 'a', op: 'regex', right: '(.*)*' }] }] }, 'rules.0.rules.0.right', 'не разрешено'],
  ])('%j → %s: %s', (value, path, message) => {
    expect(issues(value)).toEqual([{ path: expect.stringContaining(path), message: expect.stringContaining(message) }]);
  });

  it('accepts a regex given by a template (checked at run time)', () => {
    expect(issues({ rules: [{ left: 'a', op: 'regex', right: '{{ trigger.pattern }}' }] })).toEqual([]);
  });

  it('exports Russian titles and the rule-builder widget to JSON Schema', () => {
    const json = z.toJSONSchema(conditionGroupSchema) as Record<string, any>;
    expect(json['x-widget']).toBe('condition-group');
    expect(json.title).toBe('Условия');
    const rule = json.properties.rules.items.oneOf[0];
    expect(rule.properties.op.title).toBe('Оператор');
    expect(rule.properties.left.title).toBe('Поле');
    expect(rule.properties.right.title).toBe('Значение');
    expect(rule.properties.caseInsensitive.title).toBe('Без учёта регистра');
  });

  it('can be extended, e.g. into named branches', () => {
    const branch = conditionGroupSchema.extend({ id: z.string(), title: z.string() });
    expect(branch.parse({ id: 'b1', title: 'Горячие', rules: [] })).toEqual({ id: 'b1', title: 'Горячие', match: 'all', rules: [] });
  });
});
