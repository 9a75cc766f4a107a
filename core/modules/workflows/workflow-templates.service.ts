/**
 * «Создать из шаблона»: a plugin's ready rule, built from a short form. The form's connections must
 * be the tenant's own, of the plugin the field names; the result is an ordinary draft.
 */
import type pg from 'pg';
import { z } from 'zod';
import type { PluginRegistry, TemplateInfo } from '../../plugins/plugin-registry.ts';
import { NotFoundError } from '../../sdk/errors.ts';
import type { WorkflowService } from './workflow.service.ts';

export interface TemplateRequest {
  params: Record<string, unknown>;
  /** Replaces the name the template suggests. */
  name?: string;
}

type FieldSchema = { 'x-widget'?: string; 'x-options'?: { plugin?: string } };

export function createWorkflowTemplates(deps: { pool: pg.Pool; registry: PluginRegistry; workflows: WorkflowService }) {
  const { pool, registry, workflows } = deps;

  /** Connection fields of the form whose value is not a connection of this tenant and plugin. */
  async function foreignConnections(tenantId: string, info: TemplateInfo, params: Record<string, unknown>): Promise<z.core.$ZodIssue[]> {
    const fields = Object.entries((info.paramsSchema.properties ?? {}) as Record<string, FieldSchema>).filter(([, s]) => s['x-widget'] === 'connection');
    const ids = fields.map(([name]) => params[name]).filter((v): v is string => typeof v === 'string' && v !== '');
    const { rows } = await pool.query<{ id: string; plugin: string }>('select id, plugin from connection where tenant_id = $1 and id = any($2::uuid[])', [tenantId, ids]);
    const pluginOf = new Map(rows.map((r) => [r.id, r.plugin]));
    return fields
      .filter(([name, s]) => params[name] && pluginOf.get(String(params[name])) !== s['x-options']?.plugin)
      .map(([name]) => ({ code: 'custom', path: [name], message: 'Подключение не найдено: выберите другое', input: params[name] }) as z.core.$ZodIssue);
  }

  return {
    list: (): TemplateInfo[] => registry.templates(),

    async create(tenantId: string, userId: string, templateId: string, req: TemplateRequest) {
      const template = registry.template(templateId);
      if (!template) throw new NotFoundError('Шаблон не найден', 'TEMPLATE_NOT_FOUND');
      // Field errors carry the form's own paths, so the dialog shows them under its fields.
      const params = template.def.params.parse(req.params) as Record<string, unknown>;
      const foreign = await foreignConnections(tenantId, template.info, params);
      if (foreign.length > 0) throw new z.ZodError(foreign);
      const built = template.def.build(params);
      return workflows.create(tenantId, userId, { name: req.name?.trim() || built.name, description: built.description ?? '', graph: built.graph });
    },
  };
}

export type WorkflowTemplates = ReturnType<typeof createWorkflowTemplates>;
