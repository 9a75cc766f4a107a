/**
 * Loads projects, then each project's stages (`/project/{id}/funnel`), lead fields (`/customs`)
 * and contact fields (`/fields`), and the staff. At 3 requests per second an account with P
 * projects takes 2 + 3P requests; they are issued together and the limiter paces them.
 */
import type { LptRemote } from '../client/lpt-remote.ts';
import { lptList } from '../client/lpt-client.ts';
import type { LptFieldMeta, LptMetadata, LptProjectMeta, LptStageMeta, LptStaffMeta } from './lpt-metadata.types.ts';

type Raw = Record<string, unknown>;

const text = (v: unknown): string => (typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '');
const id = (v: unknown): number | null => {
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*-?\d+\s*$/.test(v) ? Number(v) : NaN;
  return Number.isSafeInteger(n) ? n : null;
};
const flag = (v: unknown, fallback: boolean): boolean => (v === undefined || v === null ? fallback : v === true || v === 1 || v === '1' || v === 'true');

/** Options of a category field: `{id, name}`, `{id, category}` (the SDK's model) or plain strings. */
export function categoryNames(raw: unknown): string[] {
  if (!Array.isArray(raw)) return [];
  const names = raw.map((c) => (typeof c === 'object' && c !== null ? text((c as Raw).name ?? (c as Raw).category ?? (c as Raw).title ?? (c as Raw).value) : text(c)));
  return [...new Set(names.filter(Boolean))];
}

export function toStage(raw: Raw): LptStageMeta | null {
  const sid = id(raw.id);
  if (sid === null) return null;
  // The docs' text misspells in_deals as id_deals.
  return { id: sid, name: text(raw.name) || `Этап ${sid}`, inLeads: flag(raw.in_leads, true), inDeals: flag(raw.in_deals ?? raw.id_deals, false) };
}

export function toField(raw: Raw): LptFieldMeta | null {
  const fid = id(raw.id);
  const name = text(raw.name);
  if (fid === null || !name) return null;
  const field: LptFieldMeta = { id: fid, name, type: text(raw.type) || 'text' };
  const categories = categoryNames(raw.categories);
  // Every definition may carry `categories`, empty for fields that are not lists.
  if (field.type === 'cats' || categories.length > 0) {
    field.multi = flag(raw.is_multi_select, false);
    field.categories = categories;
  }
  return field;
}

const present = <T,>(list: (T | null)[]): T[] => list.filter((x): x is T => x !== null);

async function loadProject(remote: LptRemote, raw: Raw): Promise<LptProjectMeta | null> {
  const pid = id(raw.id);
  if (pid === null) return null;
  const [stages, customs, fields] = await Promise.all([
    lptList(remote, `/project/${pid}/funnel`),
    lptList(remote, `/project/${pid}/customs`),
    lptList(remote, `/project/${pid}/fields`),
  ]);
  return {
    id: pid,
    name: text(raw.name) || `Проект ${pid}`,
    domain: text(raw.domain),
    stages: present(stages.map(toStage)),
    leadFields: present(customs.map(toField)),
    contactFields: present(fields.map(toField)),
  };
}

export async function loadLptMetadata(remote: LptRemote): Promise<LptMetadata> {
  const [projects, staff] = await Promise.all([lptList(remote, '/projects'), lptList(remote, '/staff')]);
  const loaded = await Promise.all(projects.map((p) => loadProject(remote, p)));
  return {
    projects: present(loaded),
    staff: present(
      staff.map((s): LptStaffMeta | null => {
        const sid = id(s.id);
        return sid === null ? null : { id: sid, name: text(s.name) || `Сотрудник ${sid}`, job: text(s.job) };
      }),
    ),
  };
}
