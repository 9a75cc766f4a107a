import { ConditionError } from '../graph/condition-operators.ts';
import { TemplateError } from '../graph/templates.ts';
import { AppError, coerceError } from '../sdk/errors.ts';
import { sliceCodePoints } from '../db/storable.ts';
import type { StepError } from './engine.types.ts';

/**
 * Whether a node's failure is worth retrying the run. Plugins say so with their error class
 * (OperationalError is transient; their HTTP client raises it for network failures and
 * timeouts); anything that is not an AppError is a bug in the node and would fail again.
 */
export function isTransientError(err: unknown): boolean {
  return err instanceof AppError && err.transient;
}

/** The error as a step or run records it: stable code, Russian message; bugs hide their text. */
export function toStepError(err: unknown): StepError {
  if (err instanceof AppError) return { code: err.code, message: err.message, details: err.details };
  // Pure graph code cannot depend on the SDK's errors but speaks Russian with stable codes too.
  if (err instanceof ConditionError || err instanceof TemplateError) return { code: err.code, message: err.message };
  const e = coerceError(err);
  return { code: 'UNEXPECTED', message: 'Внутренняя ошибка при выполнении узла', details: { error: sliceCodePoints(e.message, 500) } };
}
