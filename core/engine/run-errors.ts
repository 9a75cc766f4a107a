import { ConditionError } from '../graph/condition-operators.ts';
import { TemplateError } from '../graph/templates.ts';
import { AppError, coerceError } from '../sdk/errors.ts';
import type { StepError } from './engine.types.ts';

/** Postgres/network failures that are worth a retry rather than a failed run. */
const TRANSIENT_PG = /^(08|53|57P0|40001|40P01)/;
const TRANSIENT_NET = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN']);

export function isTransientError(err: unknown): boolean {
  if (err instanceof AppError) return err.transient;
  const code = (err as { code?: unknown })?.code;
  if (typeof code === 'string' && (TRANSIENT_PG.test(code) || TRANSIENT_NET.has(code))) return true;
  return /Connection terminated|timeout exceeded when trying to connect/i.test(coerceError(err).message);
}

/** The error as a step or run records it: stable code, Russian message; bugs hide their text. */
export function toStepError(err: unknown): StepError {
  if (err instanceof AppError) return { code: err.code, message: err.message, details: err.details };
  // Pure graph code cannot depend on the SDK's errors but speaks Russian with stable codes too.
  if (err instanceof ConditionError || err instanceof TemplateError) return { code: err.code, message: err.message };
  const e = coerceError(err);
  if (isTransientError(err)) return { code: 'TRANSIENT', message: `Временный сбой: ${e.message}` };
  return { code: 'UNEXPECTED', message: 'Внутренняя ошибка при выполнении узла', details: { error: e.message.slice(0, 500) } };
}
