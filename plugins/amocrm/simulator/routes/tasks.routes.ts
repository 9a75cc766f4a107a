import { parseTaskItem, type TaskPatch } from '../activity-input.ts';
import { createTask, updateTask } from '../activity-mutations.ts';
import { filterOf, inRange, intList, isReply, pageReply, readPaging, sortBy } from '../list-query.ts';
import { hal, noContent, problems } from '../problem.ts';
import type { Router } from '../router.ts';
import { href, type SimCore } from '../sim-core.ts';
import type { AmoTask } from '../sim-types.ts';
import { isInt, isObj, issue, type ValidationIssue } from '../validation.ts';
import { taskView } from '../views.ts';
import { isBatchReply, isParsedReply, parseAll, readBatch } from '../write-batch.ts';

export function registerTaskRoutes(router: Router, core: SimCore): void {
  const s = core.state;

  router.add('GET', '/api/v4/tasks', (r) => {
    const paging = readPaging(r.query);
    if (isReply(paging)) return paging;
    const f = filterOf(r.query);
    const ids = intList(f.id);
    const types = intList(f.task_type);
    const entityIds = intList(f.entity_id);
    const responsible = intList(f.responsible_user_id);
    const entityType = typeof f.entity_type === 'string' ? f.entity_type : undefined;
    const completed = f.is_completed === undefined ? undefined : f.is_completed === '1' || f.is_completed === 'true';
    const all = [...s.tasks.values()].filter(
      (t) =>
        (!ids || ids.includes(t.id)) &&
        (!types || types.includes(t.task_type_id)) &&
        (!entityIds || (t.entity_id !== null && entityIds.includes(t.entity_id))) &&
        (!responsible || responsible.includes(t.responsible_user_id)) &&
        (entityType === undefined || t.entity_type === entityType) &&
        (completed === undefined || t.is_completed === completed) &&
        inRange(t.updated_at, f.updated_at),
    );
    return pageReply(core, r, 'tasks', sortBy(all, r.query), paging, (t) => taskView(core, t));
  });

  router.add('GET', '/api/v4/tasks/:id', (r) => {
    const t = s.tasks.get(r.params.id!);
    return t ? hal(taskView(core, t)) : noContent();
  });

  router.add('POST', '/api/v4/tasks', (r) => {
    const items = readBatch(r.body);
    if (isBatchReply(items)) return items;
    const parsed = parseAll(items, (raw) => {
      const { patch, issues } = parseTaskItem(s, raw, '', 'create');
      return { value: patch, issues };
    });
    if (isParsedReply(parsed)) return parsed;
    const created = parsed.map((p) => ({ t: createTask(core, p.value), requestId: p.requestId }));
    return hal({
      _links: { self: href(core, '/api/v4/tasks') },
      _embedded: { tasks: created.map((c) => ({ id: c.t.id, request_id: c.requestId, _links: { self: href(core, `/api/v4/tasks/${c.t.id}`) } })) },
    });
  });

  const parseUpdate = (raw: unknown, pathId?: number): { value: { t?: AmoTask; patch: TaskPatch }; issues: ValidationIssue[] } => {
    const id = pathId ?? (isObj(raw) ? raw.id : undefined);
    const t = isInt(id) ? s.tasks.get(id) : undefined;
    if (!t) return { value: { patch: {} }, issues: [issue.notFound('id')] };
    const { patch, issues } = parseTaskItem(s, raw, '', 'update');
    return { value: { t, patch }, issues };
  };

  router.add('PATCH', '/api/v4/tasks', (r) => {
    const items = readBatch(r.body);
    if (isBatchReply(items)) return items;
    const parsed = parseAll(items, (raw) => parseUpdate(raw));
    if (isParsedReply(parsed)) return parsed;
    const updated = parsed.map((p) => ({ t: updateTask(core, p.value.t!, p.value.patch), requestId: p.requestId }));
    return hal({
      _links: { self: href(core, '/api/v4/tasks') },
      _embedded: {
        tasks: updated.map((u) => ({ id: u.t.id, updated_at: u.t.updated_at, request_id: u.requestId, _links: { self: href(core, `/api/v4/tasks/${u.t.id}`) } })),
      },
    });
  });

  router.add('PATCH', '/api/v4/tasks/:id', (r) => {
    if (r.body === undefined) return problems.emptyBody();
    const { value, issues } = parseUpdate(r.body, r.params.id);
    if (issues.length > 0 || !value.t) return problems.validation([{ request_id: '0', errors: issues }]);
    const t = updateTask(core, value.t, value.patch);
    return hal({ id: t.id, updated_at: t.updated_at, _links: { self: href(core, `/api/v4/tasks/${t.id}`) } });
  });
}
