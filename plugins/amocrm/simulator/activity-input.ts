import { entityExists, userExists } from './sim-state.ts';
import type { AmoEntityType, AmoNoteParamValue, AmoState } from './sim-types.ts';
import { isInt, isObj, issue, join, optBool, optInt, optString, type ValidationIssue } from './validation.ts';

export const NOTE_TYPES = [
  'common',
  'attachment',
  'call_in',
  'call_out',
  'amomail_message',
  'chat',
  'site_visit',
  'targeting_in',
  'targeting_out',
  'transaction',
  'service_message',
  'extended_service_message',
  'message_cashier',
  'invoice_paid',
  'bill_paid',
  'geolocation',
  'sms_in',
  'sms_out',
  'zoom_meeting',
  'dropbox_attachment',
  'link_followed',
  'ai_result',
] as const;

// Params a note type cannot be created without (string unless listed in INT_PARAMS).
const REQUIRED_PARAMS: Record<string, string[]> = {
  common: ['text'],
  call_in: ['uniq', 'duration', 'source', 'phone'],
  call_out: ['uniq', 'duration', 'source', 'phone'],
  service_message: ['service', 'text'],
  extended_service_message: ['service', 'text'],
  sms_in: ['text', 'phone'],
  sms_out: ['text', 'phone'],
};
const INT_PARAMS = new Set(['duration', 'call_status', 'call_responsible']);

export interface NoteDraft {
  entity_type: AmoEntityType;
  entity_id: number;
  note_type: string;
  params: Record<string, AmoNoteParamValue>;
  responsible_user_id?: number;
  created_by?: number;
}

export function parseNoteItem(
  state: AmoState,
  raw: unknown,
  path: string,
  entityType: AmoEntityType,
  fixedEntityId?: number,
): { draft?: NoteDraft; issues: ValidationIssue[] } {
  const issues: ValidationIssue[] = [];
  if (!isObj(raw)) return { issues: [issue.type(path, 'object')] };
  const entityId = fixedEntityId ?? raw.entity_id;
  if (fixedEntityId === undefined && (!isInt(entityId) || !entityExists(state, entityType, entityId))) issues.push(issue.choice(join(path, 'entity_id')));
  const noteType = raw.note_type;
  if (typeof noteType !== 'string' || !(NOTE_TYPES as readonly string[]).includes(noteType)) issues.push(issue.choice(join(path, 'note_type')));
  const params: Record<string, AmoNoteParamValue> = {};
  if (raw.params !== undefined && !isObj(raw.params)) issues.push(issue.type(join(path, 'params'), 'object'));
  const rawParams = isObj(raw.params) ? raw.params : {};
  for (const [k, v] of Object.entries(rawParams)) {
    if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') params[k] = v;
    else issues.push(issue.type(join(path, `params.${k}`), 'string'));
  }
  for (const key of typeof noteType === 'string' ? (REQUIRED_PARAMS[noteType] ?? []) : []) {
    const v = params[key];
    const p = join(path, `params.${key}`);
    if (v === undefined || v === null || v === '') issues.push(issue.blank(p));
    else if (INT_PARAMS.has(key) && !isInt(v)) issues.push(issue.type(p, 'int'));
    else if (!INT_PARAMS.has(key) && typeof v !== 'string') issues.push(issue.type(p, 'string'));
  }
  for (const key of INT_PARAMS) if (params[key] !== undefined && params[key] !== null && !isInt(params[key])) issues.push(issue.type(join(path, `params.${key}`), 'int'));
  const responsible = optInt(raw, 'responsible_user_id', path, issues);
  if (responsible !== undefined && !userExists(state, responsible)) issues.push(issue.choice(join(path, 'responsible_user_id')));
  const createdBy = optInt(raw, 'created_by', path, issues);
  if (issues.length > 0 || !isInt(entityId) || typeof noteType !== 'string') return { issues };
  const draft: NoteDraft = { entity_type: entityType, entity_id: entityId, note_type: noteType, params };
  if (responsible !== undefined) draft.responsible_user_id = responsible;
  if (createdBy !== undefined) draft.created_by = createdBy;
  return { draft, issues };
}

export interface TaskPatch {
  text?: string;
  complete_till?: number;
  entity_id?: number | null;
  entity_type?: AmoEntityType | null;
  task_type_id?: number;
  responsible_user_id?: number;
  duration?: number;
  is_completed?: boolean;
  result?: { text: string };
}

const TASK_ENTITY_TYPES = new Set(['leads', 'contacts', 'companies']);

export function parseTaskItem(state: AmoState, raw: unknown, path: string, mode: 'create' | 'update'): { patch: TaskPatch; issues: ValidationIssue[] } {
  const issues: ValidationIssue[] = [];
  const patch: TaskPatch = {};
  if (!isObj(raw)) return { patch, issues: [issue.type(path, 'object')] };
  patch.text = optString(raw, 'text', path, issues);
  if (mode === 'create' && (patch.text === undefined || patch.text.trim() === '') && raw.text === undefined) issues.push(issue.blank(join(path, 'text')));
  patch.complete_till = optInt(raw, 'complete_till', path, issues);
  if (mode === 'create' && raw.complete_till === undefined) issues.push(issue.blank(join(path, 'complete_till')));
  patch.duration = optInt(raw, 'duration', path, issues);
  patch.is_completed = optBool(raw, 'is_completed', path, issues);
  const typeId = optInt(raw, 'task_type_id', path, issues);
  if (typeId !== undefined && !state.taskTypes.some((t) => t.id === typeId)) issues.push(issue.choice(join(path, 'task_type_id')));
  else patch.task_type_id = typeId;
  const responsible = optInt(raw, 'responsible_user_id', path, issues);
  if (responsible !== undefined && !userExists(state, responsible)) issues.push(issue.choice(join(path, 'responsible_user_id')));
  else patch.responsible_user_id = responsible;
  if (raw.entity_type !== undefined || raw.entity_id !== undefined) {
    const type = raw.entity_type;
    const id = raw.entity_id;
    if (typeof type !== 'string' || !TASK_ENTITY_TYPES.has(type)) issues.push(issue.choice(join(path, 'entity_type')));
    else if (!isInt(id) || !entityExists(state, type as AmoEntityType, id)) issues.push(issue.choice(join(path, 'entity_id')));
    else {
      patch.entity_type = type as AmoEntityType;
      patch.entity_id = id;
    }
  }
  if (raw.result !== undefined) {
    if (isObj(raw.result) && typeof raw.result.text === 'string') patch.result = { text: raw.result.text };
    else issues.push(issue.type(join(path, 'result.text'), 'string'));
  }
  return { patch, issues };
}
