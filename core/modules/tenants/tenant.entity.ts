import { defineEntity, type InferEntity } from '@mikro-orm/core';

export const Tenant = defineEntity({
  name: 'Tenant',
  tableName: 'tenant',
  properties: (p) => ({
    id: p.uuid().primary().defaultRaw('gen_random_uuid()'),
    name: p.text(),
    /** Set by a platform admin: webhooks are refused (423) and runs wait until it is cleared. */
    blockedAt: p.datetime().nullable(),
    blockedReason: p.text().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p.datetime().onCreate(() => new Date()).onUpdate(() => new Date()),
  }),
});
export type ITenant = InferEntity<typeof Tenant>;
