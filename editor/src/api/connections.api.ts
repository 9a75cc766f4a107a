import { http } from './client.ts';
import type { Wire } from './workflows.api.ts';
import type { ConnectionView as ServerConnectionView, OptionItem } from '../../../core/http/api-types.ts';

/** What the API shows of a connection: never the credentials. */
export type ConnectionView = Wire<ServerConnectionView>;
export type { OptionItem };

const base = (id: string) => `/api/connections/${encodeURIComponent(id)}`;

export const fetchConnections = (plugin?: string, signal?: AbortSignal) =>
  http.get<{ items: ConnectionView[]; total: number }>('/api/connections', { plugin }, signal).then((r) => r.items);

export const connectionsApi = {
  list: fetchConnections,
  create: (input: { plugin: string; name: string; credentials: Record<string, unknown> }) => http.post<ConnectionView>('/api/connections', input),
  /** Credentials left out keep their stored values: secrets are sent only when retyped. */
  update: (id: string, input: { name?: string; credentials?: Record<string, unknown> }) => http.put<ConnectionView>(base(id), input),
  remove: (id: string) => http.del<void>(base(id)),
  test: (id: string) => http.post<ConnectionView>(`${base(id)}/test`),
  refreshMetadata: (id: string) => http.post<ConnectionView>(`${base(id)}/refresh-metadata`),
  /** A dynamic option list (pipelines, statuses of the chosen pipeline…); `values` are the props it depends on. */
  options: (id: string, source: string, values: Record<string, string>, signal?: AbortSignal) =>
    http.get<{ items: OptionItem[] }>(`${base(id)}/options/${encodeURIComponent(source)}`, values, signal).then((r) => r.items),
  /** A full-page navigation target: the server redirects to the service's consent page. */
  oauthStartUrl: (id: string) => `${base(id)}/oauth/start`,
};
