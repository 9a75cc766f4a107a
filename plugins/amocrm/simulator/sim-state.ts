import type { AmoCustomField, AmoEntityType, AmoLink, AmoPipeline, AmoState, AmoStatus, AmoTag } from './sim-types.ts';

export { createSeedState, SEED } from './sim-seed.ts';

export const WON = 142;
export const LOST = 143;

export function nowSec(): number {
  return Math.floor(Date.now() / 1000);
}

export function mainPipeline(state: AmoState): AmoPipeline {
  return state.pipelines.find((p) => p.is_main) ?? state.pipelines[0]!;
}

export function findPipeline(state: AmoState, id: number): AmoPipeline | undefined {
  return state.pipelines.find((p) => p.id === id);
}

export function findStatus(pipeline: AmoPipeline, statusId: number): AmoStatus | undefined {
  return pipeline.statuses.find((s) => s.id === statusId);
}

/** The stage a lead lands in when no status is given: the first normal (not unsorted) stage. */
export function firstStage(pipeline: AmoPipeline): AmoStatus {
  const sorted = [...pipeline.statuses].sort((a, b) => a.sort - b.sort);
  return sorted.find((s) => s.type === 0 && s.id !== WON && s.id !== LOST) ?? sorted[0]!;
}

/** Status ids other than 142/143 are unique per account, so they identify their pipeline. */
export function pipelineOfStatus(state: AmoState, statusId: number): AmoPipeline | undefined {
  if (statusId === WON || statusId === LOST) return undefined;
  return state.pipelines.find((p) => p.statuses.some((s) => s.id === statusId));
}

export function fieldsOf(state: AmoState, entity: AmoEntityType): AmoCustomField[] {
  return state.customFields[entity];
}

export function userExists(state: AmoState, id: number): boolean {
  return state.users.some((u) => u.id === id);
}

export function entityExists(state: AmoState, type: AmoEntityType, id: number): boolean {
  const e = type === 'leads' ? state.leads.get(id) : type === 'contacts' ? state.contacts.get(id) : state.companies.get(id);
  return e !== undefined && !e.is_deleted;
}

/** Finds or registers tags by name (amoCRM creates unknown tags on the fly). */
export function resolveTags(state: AmoState, names: string[]): AmoTag[] {
  return names.map((name) => {
    const found = state.tags.find((t) => t.name.toLowerCase() === name.toLowerCase());
    if (found) return found;
    const tag = { id: state.nextId.tag++, name };
    state.tags.push(tag);
    return tag;
  });
}

const CANONICAL: Record<string, true> = { 'leads>contacts': true, 'leads>companies': true, 'contacts>companies': true };

/** Orients a relation the way it is stored, whatever side the caller started from. */
export function canonicalLink(
  fromType: AmoEntityType,
  fromId: number,
  toType: AmoEntityType,
  toId: number,
): { entity_type: AmoEntityType; entity_id: number; to_entity_type: AmoEntityType; to_entity_id: number } | undefined {
  if (CANONICAL[`${fromType}>${toType}`]) return { entity_type: fromType, entity_id: fromId, to_entity_type: toType, to_entity_id: toId };
  if (CANONICAL[`${toType}>${fromType}`]) return { entity_type: toType, entity_id: toId, to_entity_type: fromType, to_entity_id: fromId };
  return undefined;
}

/** Ids of `otherType` entities linked to (type, id), in link order, main contact first. */
export function linkedIds(state: AmoState, type: AmoEntityType, id: number, otherType: AmoEntityType): { id: number; is_main: boolean }[] {
  const out: { id: number; is_main: boolean }[] = [];
  for (const l of state.links) {
    if (l.entity_type === type && l.entity_id === id && l.to_entity_type === otherType) out.push({ id: l.to_entity_id, is_main: l.is_main });
    else if (l.to_entity_type === type && l.to_entity_id === id && l.entity_type === otherType) out.push({ id: l.entity_id, is_main: l.is_main });
  }
  return out.filter((x) => entityExists(state, otherType, x.id)).sort((a, b) => Number(b.is_main) - Number(a.is_main));
}

/**
 * Adds a relation. A lead and a contact each belong to at most one company, so a new company link
 * replaces the old one; the first contact of a lead becomes its main contact.
 */
export function addLink(state: AmoState, fromType: AmoEntityType, fromId: number, toType: AmoEntityType, toId: number, isMain?: boolean): AmoLink | undefined {
  const c = canonicalLink(fromType, fromId, toType, toId);
  if (!c) return undefined;
  if (c.to_entity_type === 'companies') {
    state.links = state.links.filter((l) => !(l.entity_type === c.entity_type && l.entity_id === c.entity_id && l.to_entity_type === 'companies'));
  }
  const same = (l: AmoLink) => l.entity_type === c.entity_type && l.entity_id === c.entity_id && l.to_entity_type === c.to_entity_type;
  let link = state.links.find((l) => same(l) && l.to_entity_id === c.to_entity_id);
  const hasMain = state.links.some((l) => same(l) && l.is_main);
  const wantMain = c.entity_type === 'leads' && c.to_entity_type === 'contacts' && (isMain === true || (!hasMain && isMain !== false));
  if (wantMain) for (const l of state.links) if (same(l)) l.is_main = false;
  if (!link) {
    link = { ...c, is_main: wantMain };
    state.links.push(link);
  } else if (wantMain) link.is_main = true;
  return link;
}

export function removeLink(state: AmoState, fromType: AmoEntityType, fromId: number, toType: AmoEntityType, toId: number): boolean {
  const c = canonicalLink(fromType, fromId, toType, toId);
  if (!c) return false;
  const before = state.links.length;
  state.links = state.links.filter(
    (l) => !(l.entity_type === c.entity_type && l.entity_id === c.entity_id && l.to_entity_type === c.to_entity_type && l.to_entity_id === c.to_entity_id),
  );
  return state.links.length !== before;
}
