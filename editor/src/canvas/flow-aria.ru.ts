import type { ReactFlowProps } from '@xyflow/react';

const DIRECTIONS: Record<string, string> = { up: 'вверх', down: 'вниз', left: 'влево', right: 'вправо' };

/** Russian texts for React Flow's own labels and screen-reader hints. */
export const FLOW_ARIA_RU: NonNullable<ReactFlowProps['ariaLabelConfig']> = {
  'node.a11yDescription.default': 'Нажмите Enter или пробел, чтобы выбрать узел. Delete удаляет его, Escape отменяет выбор.',
  'node.a11yDescription.keyboardDisabled':
    'Нажмите Enter или пробел, чтобы выбрать узел. Стрелки перемещают его, Delete удаляет, Escape отменяет выбор.',
  'node.a11yDescription.ariaLiveMessage': ({ direction, x, y }: { direction: string; x: number; y: number }) =>
    `Узел перемещён ${DIRECTIONS[direction] ?? direction}. Новое положение: x ${x}, y ${y}`,
  'edge.a11yDescription.default': 'Нажмите Enter или пробел, чтобы выбрать связь. Delete удаляет её, Escape отменяет выбор.',
  'controls.ariaLabel': 'Управление масштабом',
  'controls.zoomIn.ariaLabel': 'Приблизить',
  'controls.zoomOut.ariaLabel': 'Отдалить',
  'controls.fitView.ariaLabel': 'Показать всё правило',
  'controls.interactive.ariaLabel': 'Блокировка редактирования',
  'minimap.ariaLabel': 'Мини-карта',
  'handle.ariaLabel': 'Точка соединения',
};
