import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { Tenant } from '../tenants/tenant.entity.ts';

export const User = defineEntity({
  name: 'User',
  tableName: 'app_user',
  properties: (p) => ({
    id: p.uuid().primary().defaultRaw('gen_random_uuid()'),
    tenant: p.manyToOne(Tenant).fieldName('tenant_id'),
    email: p.text(),
    name: p.text(),
    passwordHash: p.text().hidden().lazy(true, false),
    role: p.text().$type<'admin' | 'member'>(),
    tenantRole: p.text().$type<'owner' | 'member'>().default('owner'),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p.datetime().onCreate(() => new Date()).onUpdate(() => new Date()),
    lastLoginAt: p.datetime().nullable(),
  }),
});
export type IUser = InferEntity<typeof User>;
