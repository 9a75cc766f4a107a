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
    status: p.text().$type<'unknown' | 'ok' | 'error'>().default('unknown'),
    lastError: p.text().nullable(),
    lastCheckedAt: p.datetime().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p.datetime().onCreate(() => new Date()).onUpdate(() => new Date()),
  }),
});
export type IConnection = InferEntity<typeof Connection>;
