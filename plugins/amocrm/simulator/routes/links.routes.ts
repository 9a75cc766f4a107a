import { hal, noContent } from '../problem.ts';
import type { RouteRequest, Router } from '../router.ts';
import { href, type SimCore } from '../sim-core.ts';
import { addLink, canonicalLink, entityExists, linkedIds, removeLink } from '../sim-state.ts';
import type { AmoEntityType, AmoState } from '../sim-types.ts';
import { isInt, isObj, issue, type ValidationIssue } from '../validation.ts';
import { isBatchReply, isParsedReply, parseAll, readBatch } from '../write-batch.ts';

const TYPES: AmoEntityType[] = ['leads', 'contacts', 'companies'];

interface LinkItem {
  entity_id: number;
  to_entity_type: AmoEntityType;
  to_entity_id: number;
  is_main?: boolean;
}

function parseLink(s: AmoState, type: AmoEntityType, raw: unknown, fixedId: number | undefined): { value: LinkItem | undefined; issues: ValidationIssue[] } {
  if (!isObj(raw)) return { value: undefined, issues: [issue.type('', 'object')] };
  const issues: ValidationIssue[] = [];
  const entityId = fixedId ?? raw.entity_id;
  if (!isInt(entityId) || !entityExists(s, type, entityId)) issues.push(issue.choice('entity_id'));
  const toType = raw.to_entity_type;
  const toId = raw.to_entity_id;
  if (typeof toType !== 'string' || !TYPES.includes(toType as AmoEntityType) || !canonicalLink(type, 0, toType as AmoEntityType, 0)) {
    issues.push(issue.choice('to_entity_type'));
  } else if (!isInt(toId) || !entityExists(s, toType as AmoEntityType, toId)) issues.push(issue.choice('to_entity_id'));
  if (issues.length > 0 || !isInt(entityId) || !isInt(toId)) return { value: undefined, issues };
  const item: LinkItem = { entity_id: entityId, to_entity_type: toType as AmoEntityType, to_entity_id: toId };
  const meta = raw.metadata;
  if (isObj(meta) && typeof meta.is_main === 'boolean') item.is_main = meta.is_main;
  return { value: item, issues };
}

function linkView(type: AmoEntityType, l: LinkItem): object {
  const metadata = l.to_entity_type === 'contacts' || type === 'contacts' ? (l.is_main !== undefined ? { is_main: l.is_main } : null) : null;
  return { entity_id: l.entity_id, entity_type: type, to_entity_id: l.to_entity_id, to_entity_type: l.to_entity_type, metadata };
}

export function registerLinkRoutes(router: Router, core: SimCore): void {
  const s = core.state;
  for (const type of TYPES) {
    const write = (r: RouteRequest, mode: 'link' | 'unlink', fixedId?: number) => {
      const items = readBatch(r.body);
      if (isBatchReply(items)) return items;
      const parsed = parseAll(items, (raw) => parseLink(s, type, raw, fixedId));
      if (isParsedReply(parsed)) return parsed;
      const done = parsed.map((p) => p.value!);
      for (const l of done) {
        if (mode === 'link') addLink(s, type, l.entity_id, l.to_entity_type, l.to_entity_id, l.is_main);
        else removeLink(s, type, l.entity_id, l.to_entity_type, l.to_entity_id);
      }
      if (mode === 'unlink') return noContent();
      return hal({ _links: { self: href(core, r.path) }, _embedded: { links: done.map((l) => linkView(type, l)) } });
    };
    router.add('POST', `/api/v4/${type}/:id/link`, (r) => write(r, 'link', r.params.id));
    router.add('POST', `/api/v4/${type}/:id/unlink`, (r) => write(r, 'unlink', r.params.id));
    router.add('POST', `/api/v4/${type}/link`, (r) => write(r, 'link'));
    router.add('POST', `/api/v4/${type}/unlink`, (r) => write(r, 'unlink'));
    router.add('GET', `/api/v4/${type}/:id/links`, (r) => {
      const id = r.params.id!;
      if (!entityExists(s, type, id)) return noContent();
      const links = TYPES.filter((t) => t !== type).flatMap((other) =>
        linkedIds(s, type, id, other).map((x) => linkView(type, { entity_id: id, to_entity_type: other, to_entity_id: x.id, ...(other === 'contacts' && type === 'leads' ? { is_main: x.is_main } : {}) })),
      );
      if (links.length === 0) return noContent();
      return hal({ _total_items: links.length, _links: { self: href(core, r.path) }, _embedded: { links } });
    });
  }
}
