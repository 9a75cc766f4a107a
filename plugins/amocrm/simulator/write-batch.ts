import { problems, type Reply } from './problem.ts';
import { isObj, issue, requestIdOf, type ItemErrors, type ValidationIssue } from './validation.ts';

const MAX_ITEMS = 250;

/** A write body must be a non-empty JSON array of at most 250 items. */
export function readBatch(body: unknown): unknown[] | Reply {
  if (body === undefined || body === null || (Array.isArray(body) && body.length === 0)) return problems.emptyBody();
  if (!Array.isArray(body)) {
    // Form-encoded arrays arrive from qs as objects keyed "0", "1", …
    if (isObj(body) && Object.keys(body).every((k) => /^\d+$/.test(k))) return readBatch(Object.values(body));
    return problems.validation([{ request_id: '0', errors: [issue.type('', 'array')] }]);
  }
  if (body.length > MAX_ITEMS) return problems.limitExceeded();
  return body;
}

export function isBatchReply(x: unknown[] | Reply): x is Reply {
  return !Array.isArray(x);
}

export interface Parsed<T> {
  raw: unknown;
  requestId: string;
  value: T;
  issues: ValidationIssue[];
}

/** Validates every item first: amoCRM rejects the whole request when any item is invalid. */
export function parseAll<T>(items: unknown[], parse: (raw: unknown, index: number) => { value: T; issues: ValidationIssue[] }): Parsed<T>[] | Reply {
  const parsed = items.map((raw, i) => ({ raw, requestId: requestIdOf(raw, i), ...parse(raw, i) }));
  const errors: ItemErrors[] = parsed.filter((p) => p.issues.length > 0).map((p) => ({ request_id: p.requestId, errors: p.issues }));
  if (errors.length > 0) return problems.validation(errors);
  return parsed;
}

export function isParsedReply<T>(x: Parsed<T>[] | Reply): x is Reply {
  return !Array.isArray(x);
}
