import { parseNoteItem } from '../activity-input.ts';
import { addNote } from '../activity-mutations.ts';
import { filterOf, inRange, intList, isReply, pageReply, readPaging, sortBy } from '../list-query.ts';
import { hal, noContent } from '../problem.ts';
import type { RouteRequest, Router } from '../router.ts';
import { href, type SimCore } from '../sim-core.ts';
import { entityExists } from '../sim-state.ts';
import type { AmoEntityType } from '../sim-types.ts';
import { issue } from '../validation.ts';
import { noteView } from '../views.ts';
import { isBatchReply, isParsedReply, parseAll, readBatch } from '../write-batch.ts';

const TYPES: AmoEntityType[] = ['leads', 'contacts', 'companies'];

export function registerNoteRoutes(router: Router, core: SimCore): void {
  const s = core.state;
  for (const type of TYPES) {
    const list = (r: RouteRequest, entityId?: number) => {
      const paging = readPaging(r.query);
      if (isReply(paging)) return paging;
      const f = filterOf(r.query);
      const ids = intList(f.id);
      const entityIds = entityId !== undefined ? [entityId] : intList(f.entity_id);
      const rawTypes = f.note_type;
      const noteTypes = rawTypes === undefined ? undefined : (Array.isArray(rawTypes) ? rawTypes : [rawTypes]).map(String);
      const all = [...s.notes.values()].filter(
        (n) =>
          n.entity_type === type &&
          (!ids || ids.includes(n.id)) &&
          (!entityIds || entityIds.includes(n.entity_id)) &&
          (!noteTypes || noteTypes.includes(n.note_type)) &&
          inRange(n.updated_at, f.updated_at),
      );
      return pageReply(core, r, 'notes', sortBy(all, r.query), paging, (n) => noteView(core, n));
    };

    const create = (r: RouteRequest, entityId?: number) => {
      const items = readBatch(r.body);
      if (isBatchReply(items)) return items;
      const parsed = parseAll(items, (raw) => {
        if (entityId !== undefined && !entityExists(s, type, entityId)) return { value: undefined, issues: [issue.choice('entity_id')] };
        const { draft, issues } = parseNoteItem(s, raw, '', type, entityId);
        return { value: draft, issues };
      });
      if (isParsedReply(parsed)) return parsed;
      const notes = parsed.map((p) => ({ note: addNote(core, p.value!), requestId: p.requestId }));
      return hal({
        _links: { self: href(core, entityId !== undefined ? `/api/v4/${type}/${entityId}/notes` : `/api/v4/${type}/notes`) },
        _embedded: {
          notes: notes.map((n) => ({
            id: n.note.id,
            entity_id: n.note.entity_id,
            request_id: n.requestId,
            _links: { self: href(core, `/api/v4/${type}/${n.note.entity_id}/notes/${n.note.id}`) },
          })),
        },
      });
    };

    router.add('GET', `/api/v4/${type}/notes`, (r) => list(r));
    router.add('GET', `/api/v4/${type}/:id/notes`, (r) => list(r, r.params.id));
    router.add('GET', `/api/v4/${type}/:id/notes/:noteId`, (r) => {
      const n = s.notes.get(r.params.noteId!);
      if (!n || n.entity_type !== type || n.entity_id !== r.params.id) return noContent();
      return hal(noteView(core, n));
    });
    router.add('POST', `/api/v4/${type}/notes`, (r) => create(r));
    router.add('POST', `/api/v4/${type}/:id/notes`, (r) => create(r, r.params.id));
  }
}
