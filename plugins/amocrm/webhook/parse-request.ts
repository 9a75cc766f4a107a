/**
 * The plugin's webhook parser: the inbound request (a form body the core has already folded with
 * qs, or JSON of the same nested shape) → typed events, with field types and the names of
 * pipelines and statuses from the connection's metadata when it is loaded.
 */
import qs from 'qs';
import { UserError, type InboundRequest, type NormalizedEvent } from '../../../core/sdk/index.ts';
import type { AmoMetadata } from '../metadata/amo-metadata.types.ts';
import { fieldTypesOf } from '../metadata/metadata-options.ts';
import { parseAmoWebhook } from './parse-webhook.ts';

/** The ingest's settings: `leads[status][0][custom_fields][1][values][0][value]` is 7 levels deep. */
const QS = { depth: 20, arrayLimit: 1000, parameterLimit: 20_000, allowPrototypes: false } as const;

function bodyOf(request: InboundRequest): unknown {
  const body = request.body;
  if (typeof body === 'object' && body !== null) return body;
  const text = typeof body === 'string' && body !== '' ? body : request.rawBody;
  if (!text) return {};
  if (/json/i.test(request.contentType) || /^\s*[{[]/.test(text)) {
    try {
      return JSON.parse(text);
    } catch {
      throw new UserError('AMOCRM_WEBHOOK_MALFORMED', 'Тело вебхука AmoCRM — не JSON и не форма');
    }
  }
  return qs.parse(text, QS);
}

function isMetadata(m: unknown): m is AmoMetadata {
  return typeof m === 'object' && m !== null && Array.isArray((m as AmoMetadata).pipelines) && Array.isArray((m as AmoMetadata).leadFields);
}

/** Adds `pipeline_name` and `status_name` (and the old ones) to a lead, from the metadata. */
function nameStages(lead: Record<string, unknown>, m: AmoMetadata): void {
  const pipelineOf = (id: unknown) => m.pipelines.find((p) => p.id === id);
  const statusName = (pipelineId: unknown, statusId: unknown) => {
    const p = pipelineOf(pipelineId) ?? m.pipelines.find((x) => x.statuses.some((s) => s.id === statusId));
    return p?.statuses.find((s) => s.id === statusId)?.name ?? m.pipelines.flatMap((x) => x.statuses).find((s) => s.id === statusId)?.name;
  };
  const p = pipelineOf(lead.pipeline_id);
  if (p) lead.pipeline_name = p.name;
  const st = statusName(lead.pipeline_id, lead.status_id);
  if (st) lead.status_name = st;
  if (lead.old_status_id !== undefined) {
    const old = statusName(lead.old_pipeline_id ?? lead.pipeline_id, lead.old_status_id);
    if (old) lead.old_status_name = old;
  }
}

export function parseAmoRequest(request: InboundRequest, ctx?: { metadata?: unknown }): NormalizedEvent[] {
  const metadata = isMetadata(ctx?.metadata) ? ctx.metadata : undefined;
  const events = parseAmoWebhook(bodyOf(request), { fieldTypes: fieldTypesOf(metadata) });
  if (metadata) {
    for (const ev of events) {
      const lead = (ev.data as { lead?: Record<string, unknown> }).lead;
      if (lead) nameStages(lead, metadata);
    }
  }
  return events;
}
