/**
 * Option lists for the editor's pickers (pipelines, statuses of the chosen pipeline, fields by
 * name, users) and the counts «Настройки» shows; pure functions of the cached metadata.
 */
import type { OptionItem } from '../../../core/sdk/index.ts';
import type { AmoFieldMeta, AmoMetadata } from './amo-metadata.types.ts';

const ENUM_TYPES = new Set(['select', 'multiselect', 'radiobutton', 'category']);

const FIELD_TYPES_RU: Record<string, string> = {
  text: 'текст',
  textarea: 'текст',
  numeric: 'число',
  price: 'цена',
  monetary: 'сумма',
  checkbox: 'флажок',
  select: 'список',
  radiobutton: 'переключатель',
  multiselect: 'мультисписок',
  multitext: 'телефоны / email',
  date: 'дата',
  date_time: 'дата и время',
  birthday: 'день рождения',
  url: 'ссылка',
  streetaddress: 'адрес',
  smart_address: 'адрес',
};

export function summarizeMetadata(m: AmoMetadata): { label: string; count: number }[] {
  return [
    { label: 'Воронки', count: m.pipelines.length },
    { label: 'Статусы', count: m.pipelines.reduce((n, p) => n + p.statuses.length, 0) },
    { label: 'Поля сделок', count: m.leadFields.length },
    { label: 'Поля контактов', count: m.contactFields.length },
    { label: 'Пользователи', count: m.users.length },
  ];
}

function fieldOptions(fields: AmoFieldMeta[]): OptionItem[] {
  return fields.map((f) => {
    const item: OptionItem = { value: f.name, label: f.name, hint: FIELD_TYPES_RU[f.type] ?? f.type };
    const data: Record<string, unknown> = { id: f.id, type: f.type };
    if (f.code) data.code = f.code;
    if (ENUM_TYPES.has(f.type) && f.enums) data.enums = f.enums.map((e) => e.value);
    item.data = data;
    return item;
  });
}

type OptionsInput = { metadata: AmoMetadata; values: Record<string, string> };

export const amoOptions: Record<string, (input: OptionsInput) => OptionItem[]> = {
  pipelines: ({ metadata }) => metadata.pipelines.map((p) => ({ value: p.id, label: p.name, ...(p.isMain ? { hint: 'основная' } : {}) })),
  /** Statuses of `values.pipelineId`; all of them, grouped by pipeline, when none is chosen. */
  statuses: ({ metadata, values }) => {
    const chosen = Number(values.pipelineId);
    const pipelines = Number.isInteger(chosen) && chosen > 0 ? metadata.pipelines.filter((p) => p.id === chosen) : metadata.pipelines;
    const grouped = pipelines.length > 1 || !(Number.isInteger(chosen) && chosen > 0);
    return pipelines.flatMap((p) => p.statuses.map((s) => ({ value: s.id, label: s.name, ...(grouped ? { group: p.name } : {}) })));
  },
  leadFields: ({ metadata }) => fieldOptions(metadata.leadFields),
  contactFields: ({ metadata }) => fieldOptions(metadata.contactFields),
  users: ({ metadata }) => metadata.users.map((u) => ({ value: u.id, label: u.name, ...(u.email ? { hint: u.email } : {}) })),
  taskTypes: ({ metadata }) => metadata.taskTypes.map((t) => ({ value: t.id, label: t.name })),
};

/** Field id → type, for the webhook parser (webhooks don't say a field's type). */
export function fieldTypesOf(m: AmoMetadata | undefined): Map<string, string> | undefined {
  if (!m || !Array.isArray(m.leadFields)) return undefined;
  const out = new Map<string, string>();
  for (const f of [...m.leadFields, ...(m.contactFields ?? [])]) out.set(String(f.id), f.type);
  return out;
}
