import { z } from 'zod';
import type { PluginRegistry } from '../../plugins/plugin-registry.ts';
import type { IConnection } from './connection.entity.ts';

/** What the API shows of a connection: never a secret. */
export interface ConnectionView {
  id: string;
  plugin: string;
  name: string;
  status: 'unknown' | 'ok' | 'error' | 'pending';
  lastError: string | null;
  lastCheckedAt: Date | null;
  /** The remote account's name, as the last successful test reported it. */
  account: string | null;
  /** Credential field names that are set, so the UI can show «задано» without the values. */
  fields: string[];
  /** Credential values that are not secret (subdomain, client id, auth type…), for the form. */
  settings: Record<string, string | number | boolean>;
  /** The connection's own webhook address (rules listening on it get its events). */
  hookUrl: string | null;
  /** Cached reference data: when it was loaded and what it holds. */
  metadata: { fetchedAt: Date; summary: { label: string; count: number }[] } | null;
  /** OAuth consent still to give («Войти через …» in «Настройки»). */
  oauthPending: boolean;
  /** Bound by a platform admin: visible, not editable by the tenant. */
  adminBound: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export const connectionViewSchema = z.object({
  id: z.string().uuid(),
  plugin: z.string(),
  name: z.string(),
  status: z.enum(['unknown', 'ok', 'error', 'pending']),
  lastError: z.string().nullable(),
  lastCheckedAt: z.date().nullable(),
  account: z.string().nullable(),
  fields: z.array(z.string()).describe('Какие поля учётных данных заданы (без значений)'),
  settings: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).describe('Несекретные поля учётных данных'),
  hookUrl: z.string().nullable(),
  metadata: z.object({ fetchedAt: z.date(), summary: z.array(z.object({ label: z.string(), count: z.number() })) }).nullable(),
  oauthPending: z.boolean(),
  adminBound: z.boolean(),
  createdAt: z.date(),
  updatedAt: z.date(),
});

/** Names of credential fields marked secret (`secret` widget) anywhere in a connection schema. */
export function secretFieldsOf(registry: PluginRegistry, plugin: string): Set<string> {
  const schema = registry.connectionForm(plugin)?.schema;
  const names = new Set<string>();
  const walk = (node: unknown) => {
    if (!node || typeof node !== 'object') return;
    const props = (node as { properties?: Record<string, { 'x-widget'?: string }> }).properties;
    for (const [name, p] of Object.entries(props ?? {})) if (p?.['x-widget'] === 'secret') names.add(name);
    for (const key of ['anyOf', 'oneOf', 'allOf'] as const) for (const sub of ((node as Record<string, unknown>)[key] as unknown[] | undefined) ?? []) walk(sub);
  };
  walk(schema);
  return names;
}

/** Names that hold secrets whatever the schema says: a plugin that forgets the widget leaks nothing. */
const SECRET_NAME = /key|token|secret|pass|auth(?!Type)|cookie|signature|credential/i;

export function toView(conn: IConnection, extra: {
  credentials: Record<string, unknown> | null;
  secretFields: Set<string>;
  hookUrl: string | null;
  metadata: ConnectionView['metadata'];
  oauthPending: boolean;
  adminBound: boolean;
}): ConnectionView {
  const settings: ConnectionView['settings'] = {};
  // An admin-bound connection's values (an LPTracker login…) are the platform's, not the tenant's:
  // its users see that it is set up and how it is doing, never what it was set up with.
  for (const [k, v] of Object.entries(extra.adminBound ? {} : (extra.credentials ?? {}))) {
    if (extra.secretFields.has(k) || SECRET_NAME.test(k)) continue;
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') settings[k] = v;
  }
  return {
    id: conn.id,
    plugin: conn.plugin,
    name: conn.name,
    status: conn.status,
    lastError: conn.lastError ?? null,
    lastCheckedAt: conn.lastCheckedAt ?? null,
    account: conn.account ?? null,
    fields: Object.keys(extra.credentials ?? {}),
    settings,
    hookUrl: extra.hookUrl,
    metadata: extra.metadata,
    oauthPending: extra.oauthPending,
    adminBound: extra.adminBound,
    createdAt: conn.createdAt,
    updatedAt: conn.updatedAt,
  };
}
