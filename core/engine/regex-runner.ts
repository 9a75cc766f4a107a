import vm from 'node:vm';
import { ConditionError, setRegexRunner } from '../graph/condition-operators.ts';

const TIMEOUT_MS = 50;
const script = new vm.Script('re.test(input)');
const context = vm.createContext({ re: /x/, input: '' });

/**
 * Runs a regex condition with a hard time limit: V8 interrupts a backtracking regex when a vm
 * script times out, so no pattern a user writes can stall the worker.
 */
export function installRegexTimeout(): void {
  setRegexRunner((re, input) => {
    context.re = re;
    context.input = input;
    try {
      return script.runInContext(context, { timeout: TIMEOUT_MS }) as boolean;
    } catch (err) {
      if ((err as { code?: string }).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') {
        throw new ConditionError('CONDITION_REGEX_TIMEOUT', `Регулярное выражение выполнялось дольше ${TIMEOUT_MS} мс и было остановлено: упростите его`);
      }
      throw err;
    }
  });
}
