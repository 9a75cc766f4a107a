/**
 * Prop schemas shared by LPTracker nodes. Ids are numbers picked from a list, or templates that
 * resolve to a number at run time (`{{trigger.lead.id}}`), so they accept both and are turned into
 * numbers when the node runs.
 */
import { z } from 'zod';
import { remoteSelect, UserError, widget } from '../../../core/sdk/index.ts';

const idOrTemplate = () => z.union([z.number().int().positive(), z.string().trim().min(1, 'Укажите значение')]);
const emptyOrId = () => z.union([z.number().int().nonnegative(), z.string().trim()]).optional();

const described = (title: string, description?: string) => ({ title, ...(description ? { description } : {}) });

/** A required id written as a template (`{{trigger.lead.id}}`) or a number. */
export const idProp = (title: string, description?: string) => widget(idOrTemplate(), 'template').meta(described(title, description));

export const projectProp = (title = 'Проект', description?: string) => remoteSelect(emptyOrId(), 'projects').meta(described(title, description));
export const requiredProjectProp = (title = 'Проект', description?: string) => remoteSelect(idOrTemplate(), 'projects').meta(described(title, description));

export const stageProp = (title = 'Этап', description?: string) =>
  remoteSelect(emptyOrId(), 'stages', { dependsOn: ['projectId'] }).meta(described(title, description));
export const requiredStageProp = (title = 'Этап', description?: string) =>
  remoteSelect(idOrTemplate(), 'stages', { dependsOn: ['projectId'] }).meta(described(title, description));

export const staffProp = (title = 'Ответственный', description?: string) => remoteSelect(emptyOrId(), 'staff').meta(described(title, description));

export const templateProp = (title: string, description?: string) =>
  widget(z.string().max(10_000, 'Не длиннее 10 000 символов').default(''), 'template').meta(described(title, description));

/** A non-negative integer id from a number or a digit string (staff id 0 is the main account); undefined for empty. */
export function optionalId(value: unknown, what: string, { allowZero = false } = {}): number | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n < 0 || (n === 0 && !allowZero)) {
    throw new UserError('LPTRACKER_BAD_ID', `${what}: ожидается числовой ID, получено «${String(value).slice(0, 100)}»`);
  }
  return n;
}

export function toId(value: unknown, what: string): number {
  const id = optionalId(value, what);
  if (id === undefined) throw new UserError('LPTRACKER_BAD_ID', `${what}: значение пустое — проверьте шаблон`);
  return id;
}

/** Ids in a trigger's filter props: unset matches anything, a stored template or garbage matches nothing. */
export function filterId(value: unknown): number | undefined | null {
  if (value === undefined || value === null || value === '') return undefined;
  const n = typeof value === 'number' ? value : /^\s*\d+\s*$/.test(String(value)) ? Number(value) : NaN;
  return Number.isSafeInteger(n) && n > 0 ? n : null;
}

export function sameId(wanted: unknown, actual: number | null | undefined): boolean {
  const id = filterId(wanted);
  if (id === undefined) return true;
  return id !== null && actual === id;
}

export const nonEmpty = (v: unknown): string | undefined => {
  if (v === undefined || v === null) return undefined;
  const s = (Array.isArray(v) ? v.join(', ') : String(v)).trim();
  return s === '' ? undefined : s;
};
