import { http } from './client.ts';
import type { Workflow } from './workflows.api.ts';

/** A ready rule a plugin offers; `paramsSchema` is the form the dialog renders. */
export interface WorkflowTemplate {
  id: string;
  plugin: string;
  title: string;
  description: string;
  paramsSchema: Record<string, unknown>;
}

export const workflowTemplatesApi = {
  list: (signal?: AbortSignal) => http.get<{ items: WorkflowTemplate[] }>('/api/workflow-templates', undefined, signal),
  create: (templateId: string, body: { params: Record<string, unknown>; name?: string }) =>
    http.post<Workflow>(`/api/workflow-templates/${encodeURIComponent(templateId)}/workflows`, body),
};
