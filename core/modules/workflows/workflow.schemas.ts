/** Request and response schemas of the workflow routes: they validate and document the API. */
import { z } from 'zod';
import { graphSchema } from '../../graph/graph.schema.ts';

export const idParams = z.object({ id: z.string().uuid('Неверный идентификатор') });

const name = z.string().trim().min(1, 'Укажите название').max(200, 'Не длиннее 200 символов');
const description = z.string().max(2000, 'Не длиннее 2000 символов');
const maxAttempts = z.number().int('Целое число').min(1, 'Не меньше 1').max(25, 'Не больше 25')
  .describe('Сколько раз повторять запуск при временных сбоях');

export const createBody = z.object({ name, description: description.optional(), graph: graphSchema.optional(), maxAttempts: maxAttempts.optional() });
export const updateBody = z.object({ name: name.optional(), description: description.optional(), graph: graphSchema.optional(), maxAttempts: maxAttempts.optional() });

export const listQuery = z.object({
  search: z.string().max(200).optional(),
  status: z.enum(['draft', 'active', 'inactive'], { error: 'Недопустимый статус' }).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export const pageQuery = listQuery.pick({ limit: true, offset: true });

export const testRunBody = z.object({
  event: z.object({
    body: z.unknown(),
    headers: z.record(z.string(), z.string()).optional(),
    query: z.record(z.string(), z.string()).optional(),
  }),
  graph: graphSchema.optional().describe('Схема для проверки; по умолчанию — черновик'),
});

const issue = z.object({
  code: z.string(),
  message: z.string(),
  severity: z.enum(['error', 'warning']),
  nodeId: z.string().optional(),
  edgeId: z.string().optional(),
  path: z.string().optional(),
});

export const summarySchema = z.object({
  id: z.string().uuid(),
  name: z.string(),
  description: z.string(),
  status: z.enum(['draft', 'active', 'inactive']),
  activeVersion: z.number().nullable().describe('Версия, которая выполняется (только у включённого правила)'),
  latestVersion: z.number().nullable(),
  hasUnpublishedChanges: z.boolean(),
  triggerType: z.string().nullable(),
  hookUrl: z.string().nullable(),
  maxAttempts: z.number(),
  createdAt: z.date(),
  updatedAt: z.date(),
  lastRun: z.object({ id: z.string().uuid(), status: z.string(), createdAt: z.date() }).nullable(),
  stats24h: z.object({ runs: z.number(), failed: z.number(), retrying: z.number().describe('Ждут повтора после временной ошибки') }),
});

export const workflowSchema = summarySchema.extend({
  graph: graphSchema,
  validation: z.object({ errors: z.array(issue), warnings: z.array(issue) }),
});

export const versionSchema = z.object({ id: z.string().uuid(), version: z.number(), createdAt: z.date() });

export const versionParams = idParams.extend({ version: z.coerce.number().int('Номер версии — целое число').min(1, 'Номер версии — от 1') });

export const versionInfoSchema = versionSchema.extend({
  createdBy: z.string().uuid().nullable(),
  author: z.object({ name: z.string(), email: z.string() }).nullable().describe('Кто опубликовал версию'),
  changes: z.object({
    first: z.boolean(),
    addedNodes: z.number(),
    removedNodes: z.number(),
    changedNodes: z.number(),
    addedEdges: z.number(),
    removedEdges: z.number(),
    summary: z.string().describe('Например: «+2 узла, −1 узел, изменены настройки 3 узлов, связи: +1»'),
  }).describe('Что изменилось по сравнению с предыдущей версией'),
});

export const versionDetailSchema = versionInfoSchema.extend({ graph: graphSchema });

export const testRunResultSchema = z.object({
  status: z.string(),
  error: z.object({ code: z.string(), message: z.string() }).nullable().optional(),
  steps: z.array(z.record(z.string(), z.unknown())),
});
