import { parseContactItem, type ContactPatch } from '../contact-input.ts';
import { createCompany, createContact, updateCompany, updateContact } from '../contact-mutations.ts';
import { filterOf, intList, isReply, pageReply, readPaging, sortBy, withList } from '../list-query.ts';
import { hal, noContent, problems } from '../problem.ts';
import type { Router } from '../router.ts';
import { contactMatches } from '../search.ts';
import { href, type SimCore } from '../sim-core.ts';
import type { AmoCompany, AmoContact } from '../sim-types.ts';
import { isInt, isObj, issue, type ValidationIssue } from '../validation.ts';
import { companyView, contactView } from '../views.ts';
import { isBatchReply, isParsedReply, parseAll, readBatch } from '../write-batch.ts';

// Contacts and companies share list, get, create and update semantics (reference §5).

interface Kind<T extends AmoContact | AmoCompany> {
  type: 'contacts' | 'companies';
  store: Map<number, T>;
  view: (e: T, withs: Set<string>) => object;
  create: (patch: ContactPatch) => T;
  update: (e: T, patch: ContactPatch) => T;
}

export function registerContactRoutes(router: Router, core: SimCore): void {
  registerKind(router, core, {
    type: 'contacts',
    store: core.state.contacts,
    view: (c, w) => contactView(core, c, { leads: w.has('leads') }),
    create: (p) => createContact(core, p),
    update: (c, p) => updateContact(core, c, p),
  });
  registerKind(router, core, {
    type: 'companies',
    store: core.state.companies,
    view: (c, w) => companyView(core, c, { leads: w.has('leads'), contacts: w.has('contacts') }),
    create: (p) => createCompany(core, p),
    update: (c, p) => updateCompany(core, c, p),
  });
}

function registerKind<T extends AmoContact | AmoCompany>(router: Router, core: SimCore, k: Kind<T>): void {
  const base = `/api/v4/${k.type}`;

  router.add('GET', base, (r) => {
    const paging = readPaging(r.query);
    if (isReply(paging)) return paging;
    const withs = withList(r.query);
    const f = filterOf(r.query);
    const ids = intList(f.id);
    const responsible = intList(f.responsible_user_id);
    const name = typeof f.name === 'string' ? f.name.toLowerCase() : undefined;
    const q = typeof r.query.query === 'string' ? r.query.query : '';
    const all = [...k.store.values()].filter(
      (c) =>
        !c.is_deleted &&
        (!ids || ids.includes(c.id)) &&
        (!responsible || responsible.includes(c.responsible_user_id)) &&
        (name === undefined || c.name.toLowerCase() === name) &&
        (q === '' || contactMatches(c, q)),
    );
    return pageReply(core, r, k.type, sortBy(all, r.query), paging, (c) => k.view(c, withs));
  });

  router.add('GET', `${base}/:id`, (r) => {
    const e = k.store.get(r.params.id!);
    if (!e || e.is_deleted) return noContent();
    return hal(k.view(e, withList(r.query)));
  });

  router.add('POST', base, (r) => {
    const items = readBatch(r.body);
    if (isBatchReply(items)) return items;
    const parsed = parseAll(items, (raw) => {
      const { patch, issues } = parseContactItem(core.state, raw, '', k.type);
      return { value: patch, issues };
    });
    if (isParsedReply(parsed)) return parsed;
    const created = parsed.map((p) => ({ e: k.create(p.value), requestId: p.requestId }));
    return hal({
      _links: { self: href(core, base) },
      _embedded: { [k.type]: created.map((c) => ({ id: c.e.id, request_id: c.requestId, _links: { self: href(core, `${base}/${c.e.id}`) } })) },
    });
  });

  const parseUpdate = (raw: unknown, pathId?: number): { value: { e?: T; patch: ContactPatch }; issues: ValidationIssue[] } => {
    const id = pathId ?? (isObj(raw) ? raw.id : undefined);
    const e = isInt(id) ? k.store.get(id) : undefined;
    if (!e || e.is_deleted) return { value: { patch: {} }, issues: [issue.notFound('id')] };
    const { patch, issues } = parseContactItem(core.state, raw, '', k.type);
    return { value: { e, patch }, issues };
  };

  router.add('PATCH', base, (r) => {
    const items = readBatch(r.body);
    if (isBatchReply(items)) return items;
    const parsed = parseAll(items, (raw) => parseUpdate(raw));
    if (isParsedReply(parsed)) return parsed;
    const updated = parsed.map((p) => ({ e: k.update(p.value.e!, p.value.patch), requestId: p.requestId }));
    return hal({
      _links: { self: href(core, base) },
      _embedded: {
        [k.type]: updated.map((u) => ({
          id: u.e.id,
          name: u.e.name,
          updated_at: u.e.updated_at,
          request_id: u.requestId,
          _links: { self: href(core, `${base}/${u.e.id}`) },
        })),
      },
    });
  });

  router.add('PATCH', `${base}/:id`, (r) => {
    if (r.body === undefined) return problems.emptyBody();
    const { value, issues } = parseUpdate(r.body, r.params.id);
    if (issues.length > 0 || !value.e) return problems.validation([{ request_id: '0', errors: issues }]);
    const e = k.update(value.e, value.patch);
    return hal({ id: e.id, name: e.name, updated_at: e.updated_at, _links: { self: href(core, `${base}/${e.id}`) } });
  });
}
