import vm from 'node:vm';
import { ConditionError, setRegexRunner } from '../graph/condition-operators.ts';

/** No single test may run longer than this. */
const CALL_TIMEOUT_MS = 50;
const script = new vm.Script('re.test(input)');
const context = vm.createContext({ re: /x/, input: '' });

/** The regex time a run has left; set around a condition's evaluation (which is synchronous). */
export interface RegexBudget {
  remainingMs: number;
  totalMs: number;
}

let budget: RegexBudget | null = null;

export function withRegexBudget<T>(b: RegexBudget, fn: () => T): T {
  const previous = budget;
  budget = b;
  try {
    return fn();
  } finally {
    budget = previous;
  }
}

const spent = (b: RegexBudget) =>
  new ConditionError('CONDITION_REGEX_BUDGET', `Проверки регулярными выражениями в этом запуске заняли больше ${b.totalMs} мс и были остановлены: упростите условия`);

/**
 * Runs a regex condition with a hard time limit: V8 interrupts a backtracking regex when a vm
 * script times out, so no pattern a user writes can stall the worker. Each call is also charged
 * to the run's budget, so many rules cannot add up to a long stall either.
 */
export function installRegexTimeout(): void {
  setRegexRunner((re, input) => {
    const b = budget;
    if (b && b.remainingMs <= 0) throw spent(b);
    const timeout = Math.max(1, Math.min(CALL_TIMEOUT_MS, b ? Math.ceil(b.remainingMs) : CALL_TIMEOUT_MS));
    context.re = re;
    context.input = input;
    const started = performance.now();
    try {
      return script.runInContext(context, { timeout }) as boolean;
    } catch (err) {
      if ((err as { code?: string }).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') {
        if (b && timeout < CALL_TIMEOUT_MS) throw spent(b);
        throw new ConditionError('CONDITION_REGEX_TIMEOUT', `Регулярное выражение выполнялось дольше ${CALL_TIMEOUT_MS} мс и было остановлено: упростите его`);
      }
      throw err;
    } finally {
      if (b) b.remainingMs -= performance.now() - started;
    }
  });
}
