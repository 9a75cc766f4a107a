import type { Config } from '../../config/config.schema.ts';
import type { GraphNode } from '../graph/graph.schema.ts';
import { jsonSizeUpTo } from '../graph/json-size.ts';
import type { RenderBudget } from '../graph/templates.ts';
import { UserError } from '../sdk/errors.ts';
import type { RegexBudget } from './regex-runner.ts';

/**
 * What one run may consume. A rule is written by a tenant and triggered by anyone who knows its
 * webhook URL: these budgets keep one run from taking the worker's memory or event loop, so it
 * fails with a reason that names the step and the process carries on.
 */
export interface RunLimits {
  /** Characters one prop may render to (templates). */
  propChars: number;
  /** Characters all props of one step may render to together. */
  stepChars: number;
  /** Characters of node outputs a run may hold (they stay in memory for later templates). */
  outputChars: number;
  /** Milliseconds of regex tests per run. */
  regexMs: number;
  /** Rules (nested ones included) per condition node. */
  conditionRules: number;
}

export function runLimitsFrom(config: Config): RunLimits {
  return {
    propChars: config.RUN_TEMPLATE_MAX_BYTES,
    stepChars: config.RUN_STEP_TEMPLATE_MAX_BYTES,
    outputChars: config.RUN_MAX_OUTPUT_BYTES,
    regexMs: config.RUN_REGEX_BUDGET_MS,
    conditionRules: config.RUN_MAX_CONDITION_RULES,
  };
}

const mb = (chars: number) => `${Math.round((chars / (1024 * 1024)) * 10) / 10} МБ`;

export const nodeName = (node: GraphNode, title: string) => `«${node.label?.trim() || title}»`;

/** The budgets of one run, spent step by step. */
export function createRunBudget(limits: RunLimits) {
  let outputLeft = limits.outputChars;
  const regex: RegexBudget = { remainingMs: limits.regexMs, totalMs: limits.regexMs };

  return {
    regex,
    /** A budget for rendering one prop, drawn from the step's. */
    step(node: GraphNode, title: string) {
      const stepBudget: RenderBudget = {
        remaining: limits.stepChars,
        exceeded: () => `Шаг ${nodeName(node, title)}: все поля вместе после подстановки шаблонов больше ${mb(limits.stepChars)} — уменьшите объём подставляемых данных`,
      };
      return {
        whole: stepBudget,
        prop(name: string): RenderBudget & { settle(): void } {
          const start = Math.min(limits.propChars, stepBudget.remaining);
          const b = {
            remaining: start,
            exceeded: () => start < limits.propChars
              ? stepBudget.exceeded()
              : `Шаг ${nodeName(node, title)}: поле «${name}» после подстановки шаблонов больше ${mb(limits.propChars)} — уменьшите объём подставляемых данных`,
            settle: () => {
              stepBudget.remaining -= start - b.remaining;
            },
          };
          return b;
        },
      };
    },
    /** Charges a node's output; fails the step when the run holds too much. */
    output(node: GraphNode, title: string, value: unknown): void {
      outputLeft -= jsonSizeUpTo(value, Math.max(0, outputLeft) + 1);
      if (outputLeft < 0) {
        throw new UserError('RUN_OUTPUT_TOO_LARGE', `Шаг ${nodeName(node, title)}: данные запуска превысили ${mb(limits.outputChars)} — запуск остановлен`);
      }
    },
    checkRules(node: GraphNode, title: string, props: unknown): void {
      const n = countRules(props);
      if (n > limits.conditionRules) {
        throw new UserError('CONDITION_TOO_MANY_RULES', `Условие ${nodeName(node, title)}: правил ${n}, а можно не больше ${limits.conditionRules} — разделите его на несколько условий`);
      }
    },
  };
}

export type RunBudget = ReturnType<typeof createRunBudget>;

/** Rules of condition groups anywhere in the props (objects with an `op` that is not a group). */
function countRules(value: unknown, depth = 0): number {
  if (depth > 20 || value === null || typeof value !== 'object') return 0;
  if (Array.isArray(value)) return value.reduce<number>((n, v) => n + countRules(v, depth + 1), 0);
  const obj = value as Record<string, unknown>;
  const own = typeof obj.op === 'string' && obj.op !== 'group' ? 1 : 0;
  return own + Object.values(obj).reduce<number>((n, v) => n + countRules(v, depth + 1), 0);
}

/**
 * Hands the event loop back now and then: conditions are synchronous, and a run of many of them
 * (or many runs of a job side by side) must not keep /healthz or the ingest waiting.
 */
let lastYield = performance.now();
export async function yieldIfBusy(sliceMs = 10): Promise<void> {
  if (performance.now() - lastYield < sliceMs) return;
  await new Promise<void>((resolve) => setImmediate(resolve));
  lastYield = performance.now();
}
