import { defineEntity, type InferEntity } from '@mikro-orm/core';

/**
 * One entity known in two systems (an AmoCRM lead and the LPTracker lead a run created from it).
 * Stored once per pair; lookups go both ways.
 */
export const EntityLink = defineEntity({
  name: 'EntityLink',
  tableName: 'entity_link',
  properties: (p) => ({
    id: p.uuid().primary().defaultRaw('gen_random_uuid()'),
    tenantId: p.uuid(),
    aSystem: p.text(),
    aType: p.text(),
    aId: p.text(),
    bSystem: p.text(),
    bType: p.text(),
    bId: p.text(),
    /** The run that created the pair, shown in its detail. */
    runId: p.uuid().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  }),
});
export type IEntityLink = InferEntity<typeof EntityLink>;
