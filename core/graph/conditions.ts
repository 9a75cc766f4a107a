/**
 * Condition groups: "all/any of these rules", the IF part of users' workflows.
 *
 * The schema doubles as the editor's form (titles, `x-widget: condition-group`) and is embedded in
 * plugins' props schemas, so it carries no object-level refinements (those would block `.extend`).
 */
import { z } from 'zod';
import { applyOperator, ConditionError, OPERATOR_IDS, unsafeRegexReason } from './condition-operators.ts';
import { hasTemplate, renderTemplate, resolveTemplates, type TemplateScope } from './templates.ts';

export { ConditionError, OPERATORS, OPERATOR_IDS, parseNumber, isEmptyValue, valuesEqual, unsafeRegexReason } from './condition-operators.ts';
export type { OperatorId } from './condition-operators.ts';

const matchSchema = z
  .enum(['all', 'any'])
  .default('all')
  .meta({ title: 'Условие выполняется, если', description: 'Все проверки или хотя бы одна' });

export const conditionRuleSchema = z
  .object({
    left: z.union([z.string(), z.number(), z.boolean()], { error: 'Укажите, что проверять' }).meta({ title: 'Поле' }),
    op: z.enum(OPERATOR_IDS).meta({ title: 'Оператор' }),
    right: z.unknown().optional().meta({ title: 'Значение' }),
    caseInsensitive: z.boolean().optional().meta({ title: 'Без учёта регистра' }),
  })
  .superRefine((rule, ctx) => {
    // Catch unsafe patterns when the workflow is saved, not at 3 a.m. in the worker.
    if (rule.op !== 'regex') return;
    if (typeof rule.right !== 'string' || rule.right === '') {
      ctx.addIssue({ code: 'custom', path: ['right'], message: 'Укажите регулярное выражение' });
      return;
    }
    if (hasTemplate(rule.right)) return;
    const reason = unsafeRegexReason(rule.right);
    if (reason) ctx.addIssue({ code: 'custom', path: ['right'], message: `Регулярное выражение не разрешено: ${reason}` });
    else {
      try {
        new RegExp(rule.right);
      } catch {
        ctx.addIssue({ code: 'custom', path: ['right'], message: 'Ошибка в регулярном выражении' });
      }
    }
  })
  .meta({ title: 'Проверка' });

/** A nested group is tagged `op: 'group'` so rules and groups form a discriminated union with precise errors. */
export const nestedConditionGroupSchema = z
  .object({
    op: z.literal('group').meta({ title: 'Группа проверок' }),
    match: matchSchema,
    rules: z.array(conditionRuleSchema).max(50).meta({ title: 'Проверки' }),
  })
  .meta({ title: 'Группа проверок' });

const ruleOrGroup = z.discriminatedUnion('op', [conditionRuleSchema, nestedConditionGroupSchema], {
  error: (issue) => {
    const op = (issue.input as { op?: unknown } | undefined)?.op;
    return op === undefined ? 'Выберите оператор' : `Неизвестный оператор «${String(op)}»`;
  },
});

export const conditionGroupSchema = z
  .object({
    match: matchSchema,
    rules: z.array(ruleOrGroup).max(50).meta({ title: 'Проверки' }),
  })
  .meta({ title: 'Условия', 'x-widget': 'condition-group' });

export type ConditionRule = z.infer<typeof conditionRuleSchema>;
export type NestedConditionGroup = z.infer<typeof nestedConditionGroupSchema>;
export type ConditionGroup = z.infer<typeof conditionGroupSchema>;
/** What callers may pass: `match` may be omitted (defaults to `all`). */
export type ConditionGroupInput = z.input<typeof conditionGroupSchema>;

type RuleInput = { left?: unknown; op: string; right?: unknown; caseInsensitive?: boolean };
type GroupInput = { match?: 'all' | 'any'; rules: ReadonlyArray<RuleInput | GroupInput> };

export interface RuleExplanation {
  op: string;
  /** Sides after templates were resolved. */
  left: unknown;
  right?: unknown;
  result: boolean;
  /** For a nested group. */
  rules?: RuleExplanation[];
}

export interface GroupExplanation {
  result: boolean;
  match: 'all' | 'any';
  rules: RuleExplanation[];
}

function isGroup(item: RuleInput | GroupInput): item is GroupInput {
  return Array.isArray((item as GroupInput).rules);
}

function resolveSide(value: unknown, scope: TemplateScope | undefined): unknown {
  if (!scope) return value;
  // A single-expression template keeps its raw type, so `{{ n2.total }}` compares as a number.
  if (typeof value === 'string') return hasTemplate(value) ? renderTemplate(value, scope) : value;
  return resolveTemplates(value, scope);
}

function explainRule(rule: RuleInput, scope: TemplateScope | undefined): RuleExplanation {
  const left = resolveSide(rule.left, scope);
  const right = resolveSide(rule.right, scope);
  const result = applyOperator(rule.op, left, right, rule.caseInsensitive === true);
  return rule.right === undefined ? { op: rule.op, left, result } : { op: rule.op, left, right, result };
}

/**
 * Evaluates every rule (no short-circuit), so a broken rule is reported whatever the data.
 * An empty `all` group is true and an empty `any` group is false, as in logic.
 *
 * Pass `scope` only when the rules still contain templates: rendering already-resolved values
 * again would evaluate `{{…}}` found inside the incoming data.
 */
export function explainGroup(group: ConditionGroupInput | GroupInput, scope?: TemplateScope): GroupExplanation {
  const g = group as GroupInput;
  if (!g || !Array.isArray(g.rules)) throw new ConditionError('CONDITION_INVALID', 'Условие задано неверно: нет списка проверок');
  const match = g.match === 'any' ? 'any' : 'all';
  const rules = g.rules.map((item): RuleExplanation => {
    if (!isGroup(item)) return explainRule(item, scope);
    const inner = explainGroup(item, scope);
    return { op: 'group', left: undefined, result: inner.result, rules: inner.rules };
  });
  const result = match === 'all' ? rules.every((r) => r.result) : rules.some((r) => r.result);
  return { result, match, rules };
}

/** True when the group matches; throws ConditionError for a rule that cannot be evaluated. */
export function evaluateGroup(group: ConditionGroupInput | GroupInput, scope?: TemplateScope): boolean {
  return explainGroup(group, scope).result;
}

/** One rule on its own, e.g. for the editor's "check" button. */
export function evaluateRule(rule: RuleInput, scope?: TemplateScope): boolean {
  return explainRule(rule, scope).result;
}
