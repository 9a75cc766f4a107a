import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { Tenant } from '../tenants/tenant.entity.ts';

/** Credentials are AES-256-GCM ciphertext (see core/crypto); never serialised to the API. */
export const Connection = defineEntity({
  name: 'Connection',
  tableName: 'connection',
  properties: (p) => ({
    id: p.uuid().primary().defaultRaw('gen_random_uuid()'),
    tenant: p.manyToOne(Tenant).fieldName('tenant_id'),
    plugin: p.text(),
    name: p.text(),
    credentials: p.text().hidden(),
    status: p.text().$type<'unknown' | 'ok' | 'error' | 'pending'>().default('unknown'),
    lastError: p.text().nullable(),
    lastCheckedAt: p.datetime().nullable(),
    /** The remote account's name and id, as the connection test reported them. */
    account: p.text().nullable(),
    accountId: p.text().nullable(),
    /** Bumped on every credentials change: a refresh compares it to know whether another process refreshed first. */
    credentialsVersion: p.integer().default(1),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p.datetime().onCreate(() => new Date()).onUpdate(() => new Date()),
  }),
});
export type IConnection = InferEntity<typeof Connection>;

/** A value the core keeps for a connection (metadata cache, remote webhook ids), with its age. */
export const ConnectionStateEntry = defineEntity({
  name: 'ConnectionStateEntry',
  tableName: 'connection_state',
  properties: (p) => ({
    connectionId: p.uuid().primary(),
    key: p.text().primary(),
    value: p.json<unknown>().nullable(),
    fetchedAt: p.datetime(),
  }),
});
export type IConnectionStateEntry = InferEntity<typeof ConnectionStateEntry>;
