/**
 * The plugin's webhook parser: the inbound request as the core stored it (a form already folded
 * into `{ data: "<json>" }`, a JSON body, or the raw text) → typed events, with the project's
 * name from the connection's metadata when it is loaded.
 */
import type { InboundRequest, NormalizedEvent } from '../../../core/sdk/index.ts';
import { isLptMetadata } from '../metadata/lpt-metadata.types.ts';
import { parseLptWebhook } from './parse-webhook.ts';

function bodyOf(request: InboundRequest): unknown {
  const body = request.body;
  if (typeof body === 'object' && body !== null) return body;
  const text = typeof body === 'string' && body !== '' ? body : request.rawBody;
  // A form body the core did not fold: `data=<urlencoded JSON>`.
  if (typeof text === 'string' && /urlencoded/i.test(request.contentType) && !/^\s*[{[]/.test(text)) {
    return Object.fromEntries(new URLSearchParams(text));
  }
  return text;
}

export function parseLptRequest(request: InboundRequest, ctx?: { metadata?: unknown }): NormalizedEvent[] {
  const events = parseLptWebhook({ contentType: request.contentType, body: bodyOf(request), query: request.query ?? {} });
  const metadata = isLptMetadata(ctx?.metadata) ? ctx.metadata : undefined;
  if (metadata) {
    for (const ev of events) {
      const project = metadata.projects.find((p) => p.id === ev.data.lead.project_id);
      if (project) (ev.data as Record<string, unknown>).project_name = project.name;
    }
  }
  return events;
}
