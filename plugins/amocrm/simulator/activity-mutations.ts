import type { NoteDraft, TaskPatch } from './activity-input.ts';
import type { SimCore } from './sim-core.ts';
import { nowSec } from './sim-state.ts';
import type { AmoNote, AmoTask } from './sim-types.ts';
import { notePairs, taskPairs } from './webhook-format.ts';

const NOTE_SETTING = { leads: 'note_lead', contacts: 'note_contact', companies: 'note_company' } as const;

export function addNote(core: SimCore, draft: NoteDraft): AmoNote {
  const s = core.state;
  const now = nowSec();
  const actor = core.actorId();
  const note: AmoNote = {
    id: s.nextId.note++,
    entity_id: draft.entity_id,
    entity_type: draft.entity_type,
    created_by: draft.created_by ?? actor,
    updated_by: draft.created_by ?? actor,
    created_at: now,
    updated_at: now,
    responsible_user_id: draft.responsible_user_id ?? actor,
    group_id: 0,
    note_type: draft.note_type,
    params: draft.params,
    account_id: s.account.id,
  };
  s.notes.set(note.id, note);
  // Notes on companies travel in the contacts family, like company events do.
  core.emit({
    setting: NOTE_SETTING[draft.entity_type],
    entity: draft.entity_type === 'leads' ? 'leads' : 'contacts',
    action: 'note',
    pairs: notePairs(note),
  });
  return note;
}

export function createTask(core: SimCore, patch: TaskPatch): AmoTask {
  const s = core.state;
  const now = nowSec();
  const actor = core.actorId();
  const task: AmoTask = {
    id: s.nextId.task++,
    created_by: actor,
    updated_by: actor,
    created_at: now,
    updated_at: now,
    responsible_user_id: patch.responsible_user_id ?? actor,
    group_id: 0,
    entity_id: patch.entity_id ?? null,
    entity_type: patch.entity_type ?? null,
    duration: patch.duration ?? 0,
    is_completed: patch.is_completed ?? false,
    task_type_id: patch.task_type_id ?? 1,
    text: patch.text ?? '',
    result: patch.result ?? null,
    complete_till: patch.complete_till ?? now + 86400,
    account_id: s.account.id,
  };
  s.tasks.set(task.id, task);
  refreshClosestTask(core, task);
  core.emit({ setting: 'add_task', entity: 'task', action: 'add', pairs: taskPairs(task) });
  return task;
}

export function updateTask(core: SimCore, task: AmoTask, patch: TaskPatch): AmoTask {
  const oldResponsible = task.responsible_user_id;
  if (patch.text !== undefined) task.text = patch.text;
  if (patch.complete_till !== undefined) task.complete_till = patch.complete_till;
  if (patch.duration !== undefined) task.duration = patch.duration;
  if (patch.is_completed !== undefined) task.is_completed = patch.is_completed;
  if (patch.task_type_id !== undefined) task.task_type_id = patch.task_type_id;
  if (patch.responsible_user_id !== undefined) task.responsible_user_id = patch.responsible_user_id;
  if (patch.entity_type !== undefined) task.entity_type = patch.entity_type;
  if (patch.entity_id !== undefined) task.entity_id = patch.entity_id;
  if (patch.result !== undefined) task.result = patch.result;
  task.updated_at = nowSec();
  task.updated_by = core.actorId();
  refreshClosestTask(core, task);
  if (task.responsible_user_id !== oldResponsible) core.emit({ setting: 'responsible_task', entity: 'task', action: 'responsible', pairs: taskPairs(task) });
  core.emit({ setting: 'update_task', entity: 'task', action: 'update', pairs: taskPairs(task) });
  return task;
}

/** Keeps `closest_task_at` of the task's entity equal to its earliest open task. */
function refreshClosestTask(core: SimCore, task: AmoTask): void {
  const s = core.state;
  if (task.entity_id === null || task.entity_type === null) return;
  const entity = task.entity_type === 'leads' ? s.leads.get(task.entity_id) : task.entity_type === 'contacts' ? s.contacts.get(task.entity_id) : s.companies.get(task.entity_id);
  if (!entity) return;
  let closest: number | null = null;
  for (const t of s.tasks.values()) {
    if (t.entity_type === task.entity_type && t.entity_id === task.entity_id && !t.is_completed) {
      closest = closest === null ? t.complete_till : Math.min(closest, t.complete_till);
    }
  }
  entity.closest_task_at = closest;
}
