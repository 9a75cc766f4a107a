import type { ConnectionView } from '../connections/connection-view.ts';

/** A tenant's block: set by a platform admin, shown to its users as a banner. */
export interface TenantBlock {
  at: Date;
  reason: string | null;
}

/** The LPTracker binding as the tenants list shows it (no credentials, only how it is doing). */
export interface LptrackerBindingStatus {
  connectionId: string;
  status: ConnectionView['status'];
  account: string | null;
  lastError: string | null;
  lastCheckedAt: Date | null;
}

export interface AdminTenantRow {
  id: string;
  name: string;
  createdAt: Date;
  blocked: TenantBlock | null;
  usersCount: number;
  connectionsCount: number;
  runs24h: number;
  /** The latest run, inbound event or sign-in of the tenant. */
  lastActivityAt: Date | null;
  lptracker: LptrackerBindingStatus | null;
}

export interface AdminUserRow {
  id: string;
  email: string;
  name: string;
  role: 'admin' | 'member';
  lastLoginAt: Date | null;
  createdAt: Date;
  tenant: { id: string; name: string; blocked: boolean };
}

export interface AdminTenantUser {
  id: string;
  email: string;
  name: string;
  role: 'admin' | 'member';
  lastLoginAt: Date | null;
  createdAt: Date;
}

export interface AdminRecentRun {
  id: string;
  workflowId: string;
  workflowName: string;
  status: string;
  createdAt: Date;
  finishedAt: Date | null;
  error: { code: string; message: string } | null;
}

export interface AdminTenantDetail {
  id: string;
  name: string;
  createdAt: Date;
  blocked: TenantBlock | null;
  users: AdminTenantUser[];
  /** Views only: the same a tenant user sees in «Настройки», never a secret. */
  connections: ConnectionView[];
  lptracker: ConnectionView | null;
  /** The last 20 runs, newest first. */
  recentRuns: AdminRecentRun[];
}

export interface AdminTenantSummary {
  id: string;
  name: string;
  createdAt: Date;
  blocked: TenantBlock | null;
}
