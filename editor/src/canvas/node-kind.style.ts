import type { NodeKind } from '../../../core/graph/node-catalog.ts';
import type { StepStatus } from '../api/workflows.api.ts';

export const KIND_STYLE: Record<NodeKind, { title: string; color: string; soft: string }> = {
  trigger: { title: 'Триггер', color: '#f5a524', soft: 'rgba(245, 165, 36, 0.14)' },
  condition: { title: 'Логика', color: '#3e9bf5', soft: 'rgba(62, 155, 245, 0.14)' },
  action: { title: 'Действие', color: '#9b7bf7', soft: 'rgba(155, 123, 247, 0.14)' },
};

export const UNKNOWN_KIND_STYLE = { title: 'Неизвестный узел', color: '#8b8b8b', soft: 'rgba(139, 139, 139, 0.14)' };

export const STEP_STATUS_STYLE: Record<StepStatus, { title: string; color: string; badge: 'green' | 'red' | 'gray' | 'blue' }> = {
  succeeded: { title: 'Выполнен', color: '#3dd68c', badge: 'green' },
  failed: { title: 'Ошибка', color: '#ff6369', badge: 'red' },
  skipped: { title: 'Пропущен', color: '#a0a0a6', badge: 'gray' },
  running: { title: 'Выполняется', color: '#3e9bf5', badge: 'blue' },
};
