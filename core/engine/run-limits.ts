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

/** A step's template budget; props draw from it. Classes, not closures: this runs per node. */
class StepRenderBudget implements RenderBudget {
  remaining: number;
  constructor(readonly limits: RunLimits, readonly where: string) {
    this.remaining = limits.stepChars;
  }
  exceeded(): string {
    return `Шаг ${this.where}: все поля вместе после подстановки шаблонов больше ${mb(this.limits.stepChars)} — уменьшите объём подставляемых данных`;
  }
  prop(name: string): PropRenderBudget {
    return new PropRenderBudget(this, name);
  }
}

class PropRenderBudget implements RenderBudget {
  remaining: number;
  private readonly start: number;
  constructor(readonly step: StepRenderBudget, readonly name: string) {
    this.start = this.remaining = Math.min(step.limits.propChars, step.remaining);
  }
  exceeded(): string {
    return this.start < this.step.limits.propChars
      ? this.step.exceeded()
      : `Шаг ${this.step.where}: поле «${this.name}» после подстановки шаблонов больше ${mb(this.step.limits.propChars)} — уменьшите объём подставляемых данных`;
  }
  /** Charges what this prop used to its step. */
  settle(): void {
    this.step.remaining -= this.start - this.remaining;
  }
}

/** The budgets of one run, spent step by step. */
export class RunBudget {
  readonly regex: RegexBudget;
  private outputLeft: number;
  constructor(private readonly limits: RunLimits) {
    this.regex = { remainingMs: limits.regexMs, totalMs: limits.regexMs };
    this.outputLeft = limits.outputChars;
  }

  /** A budget for rendering one step's props, each drawn from the step's. */
  step(node: GraphNode, title: string): StepRenderBudget {
    return new StepRenderBudget(this.limits, nodeName(node, title));
  }

  /** Charges a node's output; fails the step when the run holds too much. */
  output(node: GraphNode, title: string, value: unknown): void {
    this.outputLeft -= jsonSizeUpTo(value, Math.max(0, this.outputLeft) + 1);
    if (this.outputLeft < 0) {
      throw new UserError('RUN_OUTPUT_TOO_LARGE', `Шаг ${nodeName(node, title)}: данные запуска превысили ${mb(this.limits.outputChars)} — запуск остановлен`);
    }
  }

  checkRules(node: GraphNode, title: string, props: unknown): void {
    const n = countRules(props);
    if (n > this.limits.conditionRules) {
      throw new UserError('CONDITION_TOO_MANY_RULES', `Условие ${nodeName(node, title)}: проверок ${n}, а можно не больше ${this.limits.conditionRules} — разделите его на несколько условий`);
    }
  }
}

export const createRunBudget = (limits: RunLimits) => new RunBudget(limits);



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
