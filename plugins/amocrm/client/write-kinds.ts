/**
 * The coalesced writes: notes of leads (`POST /api/v4/leads/notes`) and lead changes — fields,
 * name, price, responsible and status — (`PATCH /api/v4/leads`). Items of many runs share a
 * request; each caller gets its own row (`{id, …}`) or error.
 */
import { apiBase } from '../connection/credentials.schema.ts';
import type { AmoRemote } from './amo-remote.ts';
import { writeBatch, type BatchRow } from './batch-write.ts';
import { submitWrite, type WriteKind } from './write-coalescer.ts';
import { MAX_LIMIT } from './amo-client.ts';

export interface BatchItem {
  body: Record<string, unknown>;
  /** Custom field names in the order of `body.custom_fields_values`, for error messages. */
  fieldNames?: string[];
}

function kind(name: string, method: 'POST' | 'PATCH', path: string, key: string, conflict?: (b: BatchItem) => string): WriteKind<BatchItem, BatchRow> {
  return {
    name,
    max: MAX_LIMIT,
    ...(conflict ? { conflictKey: conflict } : {}),
    send: (remote, items) =>
      writeBatch(remote, { method, path, key, labels: (item, field) => items[item]?.fieldNames?.[field] }, items.map((i) => i.body)),
  };
}

export const LEAD_NOTES = kind('notes:leads', 'POST', '/api/v4/leads/notes', 'notes');
// Two changes of one lead never share a request: they go in order, one batch after the other.
export const LEAD_PATCHES = kind('leads:patch', 'PATCH', '/api/v4/leads', 'leads', (b) => String(b.body.id));

export function addLeadNote(remote: AmoRemote, item: BatchItem): Promise<BatchRow> {
  return submitWrite(remote, LEAD_NOTES, item);
}

export function patchLead(remote: AmoRemote, item: BatchItem): Promise<BatchRow> {
  return submitWrite(remote, LEAD_PATCHES, item);
}

/** What a dry run shows instead of a coalesced write: the request with this one item. */
export function batchPreview(remote: AmoRemote, which: 'note' | 'patch', item: BatchItem) {
  const path = which === 'note' ? '/api/v4/leads/notes' : '/api/v4/leads';
  return { method: which === 'note' ? 'POST' : 'PATCH', url: apiBase(remote.credentials) + path, body: [item.body] };
}
