/**
 * The file format of «Экспорт»/«Импорт». It carries the rule's design only: no ids, no tenant, no
 * hook token, no connection credentials (graphs reference connections by plugin, never by secret),
 * and the service blanks secret props (even hashed) before exporting, so a file can be shared and
 * imported into any tenant; the importer sets the secrets again.
 */
import { z } from 'zod';
import { UserError } from '../../sdk/errors.ts';
import { zodIssueMessage } from '../../http/zod-messages.ts';
import { graphSchema, type Graph } from '../../graph/graph.schema.ts';

export const EXPORT_FORMAT = 'integration-constructor.workflow';
export const EXPORT_FORMAT_VERSION = 1;

export const workflowExportSchema = z.object({
  format: z.literal(EXPORT_FORMAT, { error: 'Это не файл экспорта правила' }),
  formatVersion: z.literal(EXPORT_FORMAT_VERSION, { error: `Неподдерживаемая версия формата (ожидается ${EXPORT_FORMAT_VERSION})` }),
  name: z.string().trim().min(1, 'Укажите название').max(200, 'Не длиннее 200 символов'),
  description: z.string().max(2000, 'Не длиннее 2000 символов').default(''),
  graph: graphSchema,
});

export type WorkflowExport = z.infer<typeof workflowExportSchema>;

export function toExport(w: { name: string; description: string; graph: Graph }): WorkflowExport {
  return { format: EXPORT_FORMAT, formatVersion: EXPORT_FORMAT_VERSION, name: w.name, description: w.description, graph: w.graph };
}

/**
 * Parsed here rather than by the route so the error names the first problem in its message:
 * the editor shows only the message of a failed import.
 */
export function parseImport(input: unknown): WorkflowExport {
  const result = workflowExportSchema.safeParse(input);
  if (result.success) return result.data;
  const fields: Record<string, string> = {};
  for (const issue of result.error.issues) fields[issue.path.join('.') || '_'] ??= zodIssueMessage(issue);
  const [path, message] = Object.entries(fields)[0]!;
  const where = path === '_' ? '' : ` (${path})`;
  throw new UserError('IMPORT_INVALID', `Файл не подходит для импорта${where}: ${message}`, { details: { fields } });
}
