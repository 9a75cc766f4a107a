import { z } from 'zod';
import { defineRoute } from '../../http/route.ts';
import { EXPORT_FORMAT, workflowExportSchema } from './workflow-export.ts';
import {
  createBody, idParams, listQuery, pageQuery, summarySchema, testRunBody, testRunResultSchema, updateBody,
  versionDetailSchema, versionInfoSchema, versionParams, versionSchema, workflowSchema,
} from './workflow.schemas.ts';

const tag = 'Правила';

/** Safe for Content-Disposition on every OS: the name is the user's, the extension is ours. */
const fileName = (name: string) => `${name.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '_').trim() || 'правило'}.json`;

export const workflowRoutes = [
  defineRoute({
    method: 'get', path: '/api/workflows', tag, auth: 'user',
    summary: 'Список правил с последним запуском и статистикой за 24 часа',
    query: listQuery,
    response: z.object({ items: z.array(summarySchema), total: z.number() }),
    handler: ({ c, user, query }) => c.workflows.list(user.tenantId, query),
  }),
  defineRoute({
    method: 'post', path: '/api/workflows', tag, auth: 'user', status: 201,
    summary: 'Создать правило (черновик)', body: createBody, response: workflowSchema,
    handler: ({ c, user, body }) => c.workflows.create(user.tenantId, user.id, body),
  }),
  defineRoute({
    // Declared before /:id routes for readability; the paths cannot clash (POST /:id does not exist).
    method: 'post', path: '/api/workflows/import', tag, auth: 'user', status: 201,
    summary: 'Импортировать правило из файла экспорта',
    description: `Тело — содержимое файла экспорта: {format: "${EXPORT_FORMAT}", formatVersion: 1, name, description, graph}. Создаётся черновик с новым адресом вебхука.`,
    body: z.unknown(), response: workflowSchema,
    handler: ({ c, user, body }) => c.workflows.importOne(user.tenantId, user.id, body),
  }),
  defineRoute({
    method: 'get', path: '/api/workflows/:id', tag, auth: 'user',
    summary: 'Правило с черновиком схемы и результатом её проверки', params: idParams, response: workflowSchema,
    handler: ({ c, user, params }) => c.workflows.get(user.tenantId, params.id),
  }),
  defineRoute({
    method: 'put', path: '/api/workflows/:id', tag, auth: 'user',
    summary: 'Сохранить черновик (схема с ошибками сохраняется, ошибки возвращаются в validation)',
    params: idParams, body: updateBody, response: workflowSchema,
    handler: ({ c, user, params, body }) => c.workflows.update(user.tenantId, params.id, body),
  }),
  defineRoute({
    method: 'delete', path: '/api/workflows/:id', tag, auth: 'user',
    summary: 'Удалить правило вместе с версиями, событиями и запусками', params: idParams,
    async handler({ c, user, params }) {
      await c.workflows.remove(user.tenantId, params.id);
      return undefined;
    },
  }),
  defineRoute({
    method: 'post', path: '/api/workflows/:id/publish', tag, auth: 'user',
    summary: 'Опубликовать черновик как новую неизменяемую версию',
    description: 'Схема с ошибками — 422 GRAPH_INVALID (details.errors). Если черновик совпадает с последней версией, новая версия не создаётся.',
    params: idParams, response: z.object({ version: versionSchema, workflow: workflowSchema }),
    handler: ({ c, user, params }) => c.workflows.publish(user.tenantId, user.id, params.id),
  }),
  defineRoute({
    method: 'post', path: '/api/workflows/:id/activate', tag, auth: 'user',
    summary: 'Включить правило (выполняется последняя опубликованная версия)', params: idParams, response: workflowSchema,
    handler: ({ c, user, params }) => c.workflows.activate(user.tenantId, params.id),
  }),
  defineRoute({
    method: 'post', path: '/api/workflows/:id/deactivate', tag, auth: 'user',
    summary: 'Выключить правило: новые события не запускают его', params: idParams, response: workflowSchema,
    handler: ({ c, user, params }) => c.workflows.deactivate(user.tenantId, params.id),
  }),
  defineRoute({
    method: 'get', path: '/api/workflows/:id/versions', tag, auth: 'user',
    summary: 'Опубликованные версии, новые первыми', params: idParams, query: pageQuery,
    response: z.object({ items: z.array(versionInfoSchema), total: z.number() }),
    handler: ({ c, user, params, query }) => c.workflows.versions(user.tenantId, params.id, query),
  }),
  defineRoute({
    method: 'get', path: '/api/workflows/:id/versions/:version', tag, auth: 'user',
    summary: 'Одна опубликованная версия со схемой (секреты скрыты)', params: versionParams, response: versionDetailSchema,
    handler: ({ c, user, params }) => c.workflows.version(user.tenantId, params.id, params.version),
  }),
  defineRoute({
    method: 'post', path: '/api/workflows/:id/versions/:version/restore', tag, auth: 'user',
    summary: 'Вернуть версию: черновик становится её схемой и публикуется как новая версия',
    description: 'Включённое правило сразу переходит на новую версию. Возврат к последней версии просто отменяет изменения черновика.',
    params: versionParams, response: z.object({ version: versionSchema, workflow: workflowSchema, restoredFrom: z.number() }),
    handler: ({ c, user, params }) => c.workflows.restoreVersion(user.tenantId, user.id, params.id, params.version),
  }),
  defineRoute({
    method: 'post', path: '/api/workflows/:id/publish-and-activate', tag, auth: 'user',
    summary: 'Опубликовать черновик и включить правило одним действием',
    description: 'Схема с ошибками — 422 GRAPH_INVALID (details.errors); ничего не публикуется и не включается.',
    params: idParams, response: z.object({ version: versionSchema, workflow: workflowSchema }),
    handler: ({ c, user, params }) => c.workflows.publishAndActivate(user.tenantId, user.id, params.id),
  }),
  defineRoute({
    method: 'post', path: '/api/workflows/:id/test-run', tag, auth: 'user',
    summary: 'Тестовый запуск черновика (или переданной схемы) на примере события; ничего не записывает во внешние системы',
    params: idParams, body: testRunBody, response: testRunResultSchema,
    async handler({ c, user, params, body }) {
      // The draft is loaded even when a graph is given: it proves the rule belongs to the tenant and
      // holds the secrets the editor's graph shows masked.
      const graph = await c.workflows.testRunGraph(user.tenantId, params.id, body.graph);
      return c.engine.testRun({ tenantId: user.tenantId, workflowId: params.id, graph, event: body.event });
    },
  }),
  defineRoute({
    method: 'post', path: '/api/workflows/:id/duplicate', tag, auth: 'user', status: 201,
    summary: 'Копия правила: черновик с новым адресом вебхука, выключен', params: idParams, response: workflowSchema,
    handler: ({ c, user, params }) => c.workflows.duplicate(user.tenantId, user.id, params.id),
  }),
  defineRoute({
    method: 'get', path: '/api/workflows/:id/export', tag, auth: 'user',
    summary: 'Экспорт правила в файл (без секретов и адреса вебхука)', params: idParams, response: workflowExportSchema,
    async handler({ c, user, params, ctx }) {
      const data = await c.workflows.exportOne(user.tenantId, params.id);
      ctx.attachment(fileName(data.name));
      ctx.type = 'application/json';
      return data;
    },
  }),
  defineRoute({
    method: 'post', path: '/api/workflows/:id/hook-token', tag, auth: 'user',
    summary: 'Выпустить новый адрес вебхука; старый сразу перестаёт работать', params: idParams, response: workflowSchema,
    handler: ({ c, user, params }) => c.workflows.regenerateHookToken(user.tenantId, params.id),
  }),
];
