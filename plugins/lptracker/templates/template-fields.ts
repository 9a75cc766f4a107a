/** Form fields shared by the LPTracker ↔ AmoCRM templates. */
import { z } from 'zod';
import { connectionField, remoteSelect, widget } from '../../../core/sdk/index.ts';

const id = (message: string) => z.union([z.number().int().positive(), z.string().regex(/^\d+$/, message)], { error: message });
const optionalId = () => z.union([z.number().int().positive(), z.string().regex(/^\d*$/)]).optional();

export const amoConnection = () => connectionField('Аккаунт AmoCRM', { plugin: 'amocrm' });
export const lptConnection = () => connectionField('Аккаунт LPTracker', { plugin: 'lptracker' });

export const amoPipeline = (title: string) => remoteSelect(id('Выберите воронку'), 'pipelines', { connection: 'amocrmConnectionId' }).meta({ title });
export const amoStatus = (title: string, description?: string) =>
  remoteSelect(optionalId(), 'statuses', { dependsOn: ['pipelineId'], connection: 'amocrmConnectionId' }).meta({ title, ...(description ? { description } : {}) });
export const amoRequiredStatus = (title: string) =>
  remoteSelect(id('Выберите статус'), 'statuses', { dependsOn: ['pipelineId'], connection: 'amocrmConnectionId' }).meta({ title });

export const lptProject = () => remoteSelect(id('Выберите проект'), 'projects', { connection: 'lptrackerConnectionId' }).meta({ title: 'Проект LPTracker' });
export const lptStage = (title: string, description?: string) =>
  remoteSelect(optionalId(), 'stages', { dependsOn: ['projectId'], connection: 'lptrackerConnectionId' }).meta({ title, ...(description ? { description } : {}) });
export const lptRequiredStage = (title: string) =>
  remoteSelect(id('Выберите этап'), 'stages', { dependsOn: ['projectId'], connection: 'lptrackerConnectionId' }).meta({ title });

export const text = (title: string, fallback: string, description?: string) =>
  widget(z.string().trim().max(2000, 'Не длиннее 2000 символов').default(fallback), 'text').meta({ title, ...(description ? { description } : {}) });

/** An id from the form as a number; '' and undefined stay empty (the node's «любой»). */
export const idValue = (v: number | string | undefined): number | '' => (v === undefined || v === '' ? '' : Number(v));

/** `fields.Город` or `fields["Дата встречи"]`: a remote field's value in a template path. */
export function fieldPath(prefix: string, name: string): string {
  return /^[\p{L}_][\p{L}\p{N}_]*$/u.test(name) ? `${prefix}.${name}` : `${prefix}[${JSON.stringify(name)}]`;
}
