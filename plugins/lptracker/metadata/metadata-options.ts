/**
 * Option lists for the editor's pickers (projects, stages of the chosen project, fields by name,
 * staff) and the counts «Настройки» shows; pure functions of the cached metadata.
 */
import type { OptionItem } from '../../../core/sdk/index.ts';
import type { LptFieldMeta, LptMetadata, LptProjectMeta } from './lpt-metadata.types.ts';

const FIELD_TYPES_RU: Record<string, string> = {
  text: 'текст',
  string: 'строка',
  number: 'число',
  date: 'дата',
  cats: 'список',
  file: 'файл',
  owner: 'сотрудник',
  funnel: 'этап',
  map: 'адрес',
};

export function summarizeMetadata(m: LptMetadata): { label: string; count: number }[] {
  const sum = (f: (p: LptProjectMeta) => number) => m.projects.reduce((n, p) => n + f(p), 0);
  return [
    { label: 'Проекты', count: m.projects.length },
    { label: 'Этапы', count: sum((p) => p.stages.length) },
    { label: 'Поля лидов', count: sum((p) => p.leadFields.length) },
    { label: 'Поля контактов', count: sum((p) => p.contactFields.length) },
    { label: 'Сотрудники', count: m.staff.length },
  ];
}

/** The project a form has chosen; undefined while none is (or a template stands there). */
export function chosenProject(m: LptMetadata, value: string | undefined): LptProjectMeta | undefined {
  const n = Number(value);
  return value && Number.isSafeInteger(n) ? m.projects.find((p) => p.id === n) : undefined;
}

function fieldOptions(m: LptMetadata, projectId: string | undefined, pick: (p: LptProjectMeta) => LptFieldMeta[]): OptionItem[] {
  const project = chosenProject(m, projectId);
  const projects = project ? [project] : m.projects;
  // The value is the field's name, so one name across projects is one option.
  const seen = new Set<string>();
  const out: OptionItem[] = [];
  for (const p of projects) {
    for (const f of pick(p)) {
      if (seen.has(f.name)) continue;
      seen.add(f.name);
      const data: Record<string, unknown> = { id: f.id, type: f.type };
      if (f.categories) {
        data.enums = f.categories;
        data.multiple = Boolean(f.multi);
      }
      out.push({ value: f.name, label: f.name, hint: FIELD_TYPES_RU[f.type] ?? f.type, data, ...(project ? {} : { group: p.name }) });
    }
  }
  return out;
}

type OptionsInput = { metadata: LptMetadata; values: Record<string, string> };

export const lptOptions: Record<string, (input: OptionsInput) => OptionItem[]> = {
  projects: ({ metadata }) => metadata.projects.map((p) => ({ value: p.id, label: p.name, ...(p.domain ? { hint: p.domain } : {}) })),
  /** Stages of `values.projectId`; all of them, grouped by project, when none is chosen. */
  stages: ({ metadata, values }) => {
    const project = chosenProject(metadata, values.projectId);
    const projects = project ? [project] : metadata.projects;
    return projects.flatMap((p) => p.stages.map((s) => ({ value: s.id, label: s.name, ...(project ? {} : { group: p.name }) })));
  },
  leadFields: ({ metadata, values }) => fieldOptions(metadata, values.projectId, (p) => p.leadFields),
  contactFields: ({ metadata, values }) => fieldOptions(metadata, values.projectId, (p) => p.contactFields),
  staff: ({ metadata }) => metadata.staff.map((s) => ({ value: s.id, label: s.name, ...(s.job ? { hint: s.job } : {}) })),
};
