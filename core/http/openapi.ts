import { z } from 'zod';
import type { AnyRoute } from './route.ts';

const errorBody = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});

const toSchema = (schema: z.ZodType, io: 'input' | 'output') => {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<string, unknown>;
  return rest;
};

/** OpenAPI 3.1 generated from the same zod schemas that validate the routes. */
export function buildOpenApi(routes: AnyRoute[], serverUrl: string, version: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    const path = r.path.replace(/:([A-Za-z_]+)/g, '{$1}');
    const parameters: unknown[] = [];
    for (const name of r.path.match(/:([A-Za-z_]+)/g) ?? []) {
      parameters.push({ name: name.slice(1), in: 'path', required: true, schema: { type: 'string' } });
    }
    if (r.query) {
      const qs = toSchema(r.query, 'input') as { properties?: Record<string, unknown>; required?: string[] };
      for (const [name, schema] of Object.entries(qs.properties ?? {})) {
        parameters.push({ name, in: 'query', required: qs.required?.includes(name) ?? false, schema });
      }
    }
    const status = String(r.status ?? (r.response ? 200 : 204));
    paths[path] ??= {};
    paths[path][r.method] = {
      summary: r.summary,
      description: r.description,
      tags: [r.tag],
      security: r.auth === 'none' ? [] : [{ cookieAuth: [] }],
      'x-auth': r.auth,
      parameters,
      requestBody: r.body
        ? { required: true, content: { 'application/json': { schema: toSchema(r.body, 'input') } } }
        : undefined,
      responses: {
        [status]: r.response
          ? { description: 'Успешный ответ', content: { 'application/json': { schema: toSchema(r.response, 'output') } } }
          : { description: 'Успешно, без тела' },
        default: { description: 'Ошибка', content: { 'application/json': { schema: toSchema(errorBody, 'output') } } },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Конструктор интеграций — API',
      version,
      description:
        'JSON API. Аутентификация — cookie сессии после POST /api/auth/login. Изменяющие запросы с cookie должны нести заголовок Origin этого сервера. Ошибки: {"error": {"code", "message", "details"}}.',
    },
    servers: [{ url: serverUrl }],
    components: { securitySchemes: { cookieAuth: { type: 'apiKey', in: 'cookie', name: 'sid' } } },
    paths,
  };
}
