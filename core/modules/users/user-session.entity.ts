import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { User } from './user.entity.ts';

/** A signed-in browser: the session cookie names this record, so ending it ends the session. */
export const UserSession = defineEntity({
  name: 'UserSession',
  tableName: 'user_session',
  properties: (p) => ({
    id: p.uuid().primary().defaultRaw('gen_random_uuid()'),
    user: p.manyToOne(User).fieldName('user_id'),
    createdAt: p.datetime().onCreate(() => new Date()),
    expiresAt: p.datetime(),
  }),
});
export type IUserSession = InferEntity<typeof UserSession>;
