import { http } from './client.ts';
import type { Run } from './runs.api.ts';
import type { InboundEvent, ListResult } from './workflows.api.ts';

export type EventStatus = InboundEvent['status'];

export interface EventsQuery {
  workflowId?: string;
  status?: EventStatus;
  from?: string;
  to?: string;
  limit?: number;
  offset?: number;
}

export const eventsApi = {
  list: (query: EventsQuery, signal?: AbortSignal) =>
    http.get<ListResult<InboundEvent>>('/api/events', { ...query }, signal),
  replay: (id: string) => http.post<{ runs: Run[] }>(`/api/events/${encodeURIComponent(id)}/replay`),
};
