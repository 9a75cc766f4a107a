import { http } from './client.ts';
import type { Run } from './runs.api.ts';
import type { InboundEvent } from './workflows.api.ts';
import type { PagedList } from './paged-list.ts';

export type EventStatus = InboundEvent['status'];

/** An inbound event as «Логи» list it. */
export interface LogEvent extends InboundEvent {
  /** What the payload was about, one line («name: Иван · phone: +7918…»). */
  summary?: string | null;
  /** False when the body could not be read: there is nothing to replay. */
  parsed?: boolean;
}

export interface EventsQuery {
  /** One event (a link from a run). */
  id?: string;
  workflowId?: string;
  status?: EventStatus;
  q?: string;
  from?: string;
  to?: string;
  limit?: number;
  offset?: number;
  cursor?: string;
}

export const eventsApi = {
  list: (query: EventsQuery, signal?: AbortSignal) => http.get<PagedList<LogEvent>>('/api/events', { ...query }, signal),
  replay: (id: string) => http.post<{ runs: Run[] }>(`/api/events/${encodeURIComponent(id)}/replay`),
};

/** Replay needs a body that was read; a malformed one would only start a run bound to fail. */
export const canReplay = (event: LogEvent) => event.parsed !== false;
