import type { RunStatus, StepStatus } from '../api/workflows.api.ts';
import type { EventStatus } from '../api/events.api.ts';
import type { LogLevel } from '../api/logs.api.ts';

export type BadgeColor = 'gray' | 'blue' | 'green' | 'red' | 'amber' | 'orange' | 'violet' | 'cyan';

export interface StatusInfo {
  label: string;
  color: BadgeColor;
}

export const RUN_STATUS: Record<RunStatus, StatusInfo> = {
  queued: { label: 'В очереди', color: 'gray' },
  running: { label: 'В работе', color: 'blue' },
  succeeded: { label: 'Успешно', color: 'green' },
  failed: { label: 'Ошибка', color: 'red' },
  skipped: { label: 'Пропущен', color: 'amber' },
  // A user's decision, not a failure: neutral.
  cancelled: { label: 'Отменён', color: 'gray' },
};

const STEP_STATUSES: readonly StepStatus[] = ['running', 'succeeded', 'failed', 'skipped'];

/** A step's statuses read the same as the run's. */
export const STEP_STATUS = Object.fromEntries(STEP_STATUSES.map((s) => [s, RUN_STATUS[s]])) as Record<StepStatus, StatusInfo>;

export const EVENT_STATUS: Record<EventStatus, StatusInfo> = {
  queued: { label: 'В очереди', color: 'gray' },
  dispatched: { label: 'Обработано', color: 'green' },
  skipped: { label: 'Пропущено', color: 'amber' },
  duplicate: { label: 'Дубликат', color: 'cyan' },
  failed: { label: 'Ошибка', color: 'red' },
};

export const LOG_LEVEL: Record<LogLevel, StatusInfo> = {
  debug: { label: 'Отладка', color: 'gray' },
  info: { label: 'Инфо', color: 'blue' },
  warn: { label: 'Предупреждение', color: 'amber' },
  error: { label: 'Ошибка', color: 'red' },
};

/** Where an operation-log entry came from (`LogEntry.source`), in words. Unknown sources show as is. */
export const LOG_SOURCE: Record<string, string> = {
  auth: 'Вход',
  workflow: 'Правила',
  webhook: 'Вебхуки',
  run: 'Запуски',
  connection: 'Подключения',
};

export const logSourceLabel = (source: string): string => LOG_SOURCE[source] ?? source;

export const STATUS_MAPS = {
  run: RUN_STATUS,
  step: STEP_STATUS,
  event: EVENT_STATUS,
  log: LOG_LEVEL,
} as const;

export type StatusKind = keyof typeof STATUS_MAPS;

/** `[value, label]` pairs for filter selects. */
export function statusOptions(kind: StatusKind): [string, string][] {
  return Object.entries(STATUS_MAPS[kind]).map(([value, info]) => [value, (info as StatusInfo).label]);
}
