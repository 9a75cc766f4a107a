import { http } from './client.ts';
import type { ListResult, RunStatus } from './workflows.api.ts';

/** The shapes of `/api/admin/*` (core/modules/admin/admin.types.ts) as JSON: dates are strings. */
export interface TenantBlock {
  at: string;
  reason: string | null;
}

export type ConnectionStatus = 'unknown' | 'ok' | 'error' | 'pending';

export interface AdminTenantRow {
  id: string;
  name: string;
  createdAt: string;
  blocked: TenantBlock | null;
  usersCount: number;
  connectionsCount: number;
  runs24h: number;
  lastActivityAt: string | null;
  lptracker: { connectionId: string; status: ConnectionStatus; account: string | null; lastError: string | null; lastCheckedAt: string | null } | null;
}

/** A connection as the admin sees it: the tenant's view (no secrets) plus, for LPTracker, the form's values. */
export interface AdminConnection {
  id: string;
  plugin: string;
  name: string;
  status: ConnectionStatus;
  lastError: string | null;
  lastCheckedAt: string | null;
  account: string | null;
  hookUrl: string | null;
  settings: Record<string, string | number | boolean>;
  metadata: { fetchedAt: string; summary: { label: string; count: number }[] } | null;
  adminBound: boolean;
}

export interface AdminTenantUser {
  id: string;
  email: string;
  name: string;
  role: 'admin' | 'member';
  lastLoginAt: string | null;
  createdAt: string;
}

export interface AdminRecentRun {
  id: string;
  workflowId: string;
  workflowName: string;
  status: RunStatus;
  createdAt: string;
  finishedAt: string | null;
  error: { code: string; message: string } | null;
}

export interface AdminTenantDetail {
  id: string;
  name: string;
  createdAt: string;
  blocked: TenantBlock | null;
  users: AdminTenantUser[];
  connections: AdminConnection[];
  lptracker: AdminConnection | null;
  recentRuns: AdminRecentRun[];
}

export interface LptrackerCredentials {
  login: string;
  password: string;
  service: string;
  baseUrl?: string;
}

const tenant = (id: string) => `/api/admin/tenants/${encodeURIComponent(id)}`;

export const adminApi = {
  tenants: (query: { q?: string; limit: number; offset: number }, signal?: AbortSignal) =>
    http.get<ListResult<AdminTenantRow>>('/api/admin/tenants', query, signal),
  tenant: (id: string, signal?: AbortSignal) => http.get<AdminTenantDetail>(tenant(id), undefined, signal),
  setRole: (userId: string, role: 'admin' | 'member') => http.post<AdminTenantUser>(`/api/admin/users/${encodeURIComponent(userId)}/role`, { role }),
  block: (id: string, reason: string) => http.post<{ blocked: TenantBlock | null }>(`${tenant(id)}/block`, { reason }),
  unblock: (id: string) => http.post<{ blocked: TenantBlock | null }>(`${tenant(id)}/unblock`),
  /** Binds or replaces; the login is tried first (422 with the reason when it fails). */
  bindLptracker: (id: string, credentials: LptrackerCredentials) => http.put<AdminConnection>(`${tenant(id)}/lptracker`, credentials),
  testLptracker: (id: string) => http.post<AdminConnection>(`${tenant(id)}/lptracker/test`),
  unbindLptracker: (id: string) => http.del<void>(`${tenant(id)}/lptracker`),
};
