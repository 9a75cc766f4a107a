import type { WorkflowSummary } from '../../api/workflows.api.ts';

type BadgeColor = 'gray' | 'green' | 'amber' | 'violet' | 'blue';

export interface StateBadge {
  label: string;
  color: BadgeColor;
  /** What the badge means, for its tooltip. */
  hint: string;
}

/** An action and, when it cannot be done now, why (the disabled button's tooltip). */
export interface ActionState {
  enabled: boolean;
  reason: string | null;
}

export interface RuleState {
  publication: StateBadge & { kind: 'draft' | 'published' | 'changed' };
  /** Null for a rule never published: «Черновик» says it all. */
  power: (StateBadge & { on: boolean }) | null;
  publishAndActivate: ActionState;
  publish: ActionState;
  activate: ActionState;
  deactivate: ActionState;
}

export type RuleSummary = Pick<WorkflowSummary, 'status' | 'activeVersion' | 'latestVersion' | 'hasUnpublishedChanges'>;

export interface EditorFacts {
  /** Edits not saved yet (the editor saves before publishing). */
  dirty?: boolean;
  /** Errors the editor knows of: publishing would be refused. */
  errors?: number;
}

const can = (): ActionState => ({ enabled: true, reason: null });
const cannot = (reason: string): ActionState => ({ enabled: false, reason });

/**
 * The one status model of a rule, shown the same in the list and in the editor: «Черновик»
 * (never published), «Опубликовано v3» or «Есть неопубликованные изменения», and «Включено» /
 * «Выключено»; plus which buttons make sense now and why not.
 */
export function ruleStateOf(rule: RuleSummary, facts: EditorFacts = {}): RuleState {
  const published = rule.latestVersion !== null && rule.latestVersion !== undefined;
  const on = rule.status === 'active';
  const changed = published && (rule.hasUnpublishedChanges || Boolean(facts.dirty));
  const publication: RuleState['publication'] = !published
    ? { kind: 'draft', label: 'Черновик', color: 'gray', hint: 'Правило ещё ни разу не публиковалось и не обрабатывает события' }
    : changed
      ? { kind: 'changed', label: 'Есть неопубликованные изменения', color: 'amber', hint: `Опубликована версия ${rule.latestVersion}; черновик отличается от неё` }
      : { kind: 'published', label: `Опубликовано v${rule.latestVersion}`, color: 'violet', hint: `Черновик совпадает с опубликованной версией ${rule.latestVersion}` };
  const power: RuleState['power'] = !published
    ? null
    : on
      ? { on, label: 'Включено', color: 'green', hint: `Входящие события обрабатываются версией ${rule.activeVersion ?? rule.latestVersion}` }
      : { on, label: 'Выключено', color: 'gray', hint: 'Новые события не обрабатываются' };

  const somethingToPublish = !published || changed;
  const errors = facts.errors ?? 0;
  const fixFirst = errors > 0 ? cannot(`Сначала исправьте ошибки в схеме (${errors})`) : null;
  return {
    publication,
    power,
    publishAndActivate: on && !somethingToPublish ? cannot('Правило уже включено, а изменений для публикации нет') : (somethingToPublish && fixFirst) || can(),
    publish: !somethingToPublish ? cannot('Нечего публиковать: изменений нет') : fixFirst ?? can(),
    activate: !published ? cannot('Сначала опубликуйте правило') : on ? cannot('Правило уже включено') : can(),
    deactivate: on ? can() : cannot(published ? 'Правило уже выключено' : 'Правило ещё не включалось'),
  };
}
