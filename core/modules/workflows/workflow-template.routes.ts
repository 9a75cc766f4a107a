import { z } from 'zod';
import { defineRoute } from '../../http/route.ts';
import { workflowSchema } from './workflow.schemas.ts';

const tag = 'Правила';

const templateSchema = z.object({
  id: z.string(), plugin: z.string(), title: z.string(), description: z.string(),
  paramsSchema: z.record(z.string(), z.unknown()).describe('JSON Schema формы шаблона (виджеты в x-widget)'),
});

export const workflowTemplateRoutes = [
  defineRoute({
    method: 'get', path: '/api/workflow-templates', tag, auth: 'user',
    summary: 'Шаблоны правил установленных плагинов с формой параметров',
    response: z.object({ items: z.array(templateSchema) }),
    handler: ({ c }) => ({ items: c.workflowTemplates.list() }),
  }),
  defineRoute({
    method: 'post', path: '/api/workflow-templates/:id/workflows', tag, auth: 'user', status: 201,
    summary: 'Создать правило (черновик) из шаблона',
    description: 'Тело: {params, name?}. Ошибки формы — 422 VALIDATION_FAILED с details.fields по именам полей формы; подключения должны принадлежать арендатору.',
    params: z.object({ id: z.string().min(1).max(200) }),
    body: z.object({ params: z.record(z.string(), z.unknown()).default({}), name: z.string().trim().max(200, 'Не длиннее 200 символов').optional() }),
    response: workflowSchema,
    handler: ({ c, user, params, body }) => c.workflowTemplates.create(user.tenantId, user.id, params.id, body),
  }),
];
