/**
 * Prop schemas shared by AmoCRM nodes. Ids are numbers picked from a list, or templates that
 * resolve to a number at run time (`{{trigger.lead.id}}`), so they accept both and are turned into
 * numbers by `toId` when the node runs.
 */
import { z } from 'zod';
import { remoteSelect, UserError, widget } from '../../../core/sdk/index.ts';

const idOrTemplate = () => z.union([z.number().int().positive(), z.string().trim().min(1, 'Укажите значение')]);
const emptyOrId = () => z.union([z.number().int().positive(), z.string().trim()]).optional();

/** A required id written as a template (`{{trigger.lead.id}}`) or a number. */
export const idProp = (title: string, description?: string) => widget(idOrTemplate(), 'template').meta({ title, ...(description ? { description } : {}) });

export const pipelineProp = (title = 'Воронка', description?: string) =>
  remoteSelect(emptyOrId(), 'pipelines').meta({ title, ...(description ? { description } : {}) });

export const statusProp = (title = 'Статус', description?: string) =>
  remoteSelect(emptyOrId(), 'statuses', { dependsOn: ['pipelineId'] }).meta({ title, ...(description ? { description } : {}) });

export const userProp = (title = 'Ответственный', description?: string) =>
  remoteSelect(emptyOrId(), 'users').meta({ title, ...(description ? { description } : {}) });

export const requiredPipelineProp = (title = 'Воронка') => remoteSelect(idOrTemplate(), 'pipelines').meta({ title });
export const requiredStatusProp = (title = 'Статус') => remoteSelect(idOrTemplate(), 'statuses', { dependsOn: ['pipelineId'] }).meta({ title });

export const templateProp = (title: string, description?: string) =>
  widget(z.string().max(10_000, 'Не длиннее 10 000 символов').default(''), 'template').meta({ title, ...(description ? { description } : {}) });

/** A template that may resolve to anything (a number, a list); kept as is until the node reads it. */
export const valueProp = (title: string, description?: string) =>
  widget(z.union([z.string(), z.number(), z.boolean(), z.array(z.union([z.string(), z.number()]))]).optional(), 'template').meta({ title, ...(description ? { description } : {}) });

/** A positive integer id from a number or a digit string; undefined for empty. */
export function optionalId(value: unknown, what: string): number | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n <= 0) throw new UserError('AMOCRM_BAD_ID', `${what}: ожидается числовой ID, получено «${String(value).slice(0, 100)}»`);
  return n;
}

export function toId(value: unknown, what: string): number {
  const id = optionalId(value, what);
  if (id === undefined) throw new UserError('AMOCRM_BAD_ID', `${what}: значение пустое — проверьте шаблон`);
  return id;
}

/** Ids in a trigger's filter props: a stored template or garbage never matches anything. */
export function filterId(value: unknown): number | undefined | null {
  if (value === undefined || value === null || value === '') return undefined;
  const n = typeof value === 'number' ? value : /^\s*\d+\s*$/.test(String(value)) ? Number(value) : NaN;
  return Number.isSafeInteger(n) && n > 0 ? n : null;
}
