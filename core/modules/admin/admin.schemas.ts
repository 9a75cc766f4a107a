import { z } from 'zod';
import { connectionViewSchema } from '../connections/connection-view.ts';

/** Response shapes of the admin API, for OpenAPI (the types live in admin.types.ts). */
const uuid = z.string().uuid();
const role = z.enum(['admin', 'member']);
const blocked = z.object({ at: z.date(), reason: z.string().nullable() }).nullable().describe('Блокировка: когда и почему, или null');

export const adminTenantSummarySchema = z.object({ id: uuid, name: z.string(), createdAt: z.date(), blocked });

export const adminTenantRowSchema = adminTenantSummarySchema.extend({
  usersCount: z.number(),
  connectionsCount: z.number(),
  runs24h: z.number().describe('Запусков за последние 24 часа'),
  lastActivityAt: z.date().nullable().describe('Последний запуск, входящее событие или вход пользователя'),
  lptracker: z.object({
    connectionId: uuid,
    status: z.enum(['unknown', 'ok', 'error', 'pending']),
    account: z.string().nullable(),
    lastError: z.string().nullable(),
    lastCheckedAt: z.date().nullable(),
  }).nullable().describe('Привязка LPTracker или null'),
});

export const adminUserRowSchema = z.object({
  id: uuid, email: z.string(), name: z.string(), role, lastLoginAt: z.date().nullable(), createdAt: z.date(),
  tenant: z.object({ id: uuid, name: z.string(), blocked: z.boolean() }),
});

export const adminTenantDetailSchema = adminTenantSummarySchema.extend({
  users: z.array(z.object({ id: uuid, email: z.string(), name: z.string(), role, lastLoginAt: z.date().nullable(), createdAt: z.date() })),
  connections: z.array(connectionViewSchema),
  lptracker: connectionViewSchema.nullable(),
  recentRuns: z.array(z.object({
    id: uuid, workflowId: uuid, workflowName: z.string(), status: z.string(), createdAt: z.date(), finishedAt: z.date().nullable(),
    error: z.object({ code: z.string(), message: z.string() }).nullable(),
  })),
});
