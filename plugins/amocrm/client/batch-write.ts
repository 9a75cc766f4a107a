/**
 * One batch write (POST/PATCH of an array) with per-item results. AmoCRM rejects the whole request
 * when any item is invalid (400 with `validation-errors` by `request_id`), so the invalid items get
 * their own error and the valid ones go again without them.
 */
import { AppError, OperationalError } from '../../../core/sdk/index.ts';
import { amoRequest } from './amo-client.ts';
import { validationError, type AmoValidationIssue } from './amo-errors.ts';
import type { AmoRemote } from './amo-remote.ts';

export type Settled<R> = { ok: true; value: R } | { ok: false; error: unknown };

export interface BatchRequest {
  method: 'POST' | 'PATCH';
  path: string;
  /** Key of the result list in `_embedded` (`notes`, `leads`…). */
  key: string;
  /** Field names for validation messages: (item index, custom field index) → name. */
  labels?: (item: number, field: number) => string | undefined;
}

export type BatchRow = Record<string, unknown>;

function issuesOf(err: unknown): AmoValidationIssue[] {
  if (!(err instanceof AppError) || err.code !== 'AMOCRM_VALIDATION') return [];
  const errors = (err.details as { errors?: AmoValidationIssue[] } | undefined)?.errors;
  return Array.isArray(errors) ? errors : [];
}

export async function writeBatch(remote: AmoRemote, req: BatchRequest, items: unknown[]): Promise<Settled<BatchRow>[]> {
  const results: Settled<BatchRow>[] = [];
  // Original indices of the items still to send.
  let pending = items.map((_, i) => i);
  while (pending.length > 0) {
    const sent = pending;
    const labelsFor = (pos: number) => req.labels && ((_rid: string, field: number) => req.labels!(sent[pos] ?? -1, field));
    try {
      const { body } = await amoRequest<{ _embedded?: Record<string, BatchRow[]> }>(remote, {
        method: req.method,
        path: req.path,
        body: sent.map((i) => items[i]),
        labels: req.labels && ((rid, field) => req.labels!(sent[Number(rid)] ?? -1, field)),
      });
      const rows = body?._embedded?.[req.key] ?? [];
      sent.forEach((orig, pos) => {
        const row = rows.find((r) => String(r.request_id) === String(pos)) ?? rows[pos];
        results[orig] = row
          ? { ok: true, value: row }
          : { ok: false, error: new OperationalError('AMOCRM_BATCH_RESULT_MISSING', 'AmoCRM не вернул результат для этого элемента пакета: запрос будет повторён') };
      });
      pending = [];
    } catch (err) {
      const issues = issuesOf(err);
      const bad = new Set(issues.map((i) => Number(i.request_id)).filter((n) => Number.isInteger(n) && n >= 0 && n < sent.length));
      if (bad.size === 0) {
        for (const orig of sent) results[orig] = { ok: false, error: err };
        pending = [];
        continue;
      }
      for (const pos of bad) {
        const own = issues.filter((i) => Number(i.request_id) === pos).map((i) => ({ request_id: '0', code: i.code, path: i.path, detail: i.detail }));
        results[sent[pos]!] = { ok: false, error: validationError(own, labelsFor(pos)) };
      }
      pending = sent.filter((_, pos) => !bad.has(pos));
    }
  }
  return results;
}
