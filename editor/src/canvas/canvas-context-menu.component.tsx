import { useState, type ReactNode } from 'react';
import { ContextMenu } from '@radix-ui/themes';
import { useEditorApi } from '../store/editor-store.context.tsx';
import { toast } from '../store/editor-toast.store.ts';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
const MOD = isMac ? '⌘' : 'Ctrl';

/** Notices of the clipboard commands, shared with the keyboard shortcuts. */
export function reportPaste(result: { added: number; skippedTriggers: number }) {
  if (result.skippedTriggers) toast.warning('Триггер не вставлен: в правиле может быть только один триггер');
}

/**
 * Right click on the canvas: for the steps under the pointer (or selected) — copy, duplicate,
 * disconnect, delete; anywhere — paste and auto-layout.
 */
export function CanvasContextMenu({ children, onLayout }: { children: ReactNode; onLayout?: () => void }) {
  const api = useEditorApi();
  const [targets, setTargets] = useState<string[]>([]);
  const [canPaste, setCanPaste] = useState(false);

  const onContextMenu = (e: React.MouseEvent) => {
    const el = (e.target as Element).closest('.react-flow__node');
    const id = el?.getAttribute('data-id') ?? null;
    const s = api.getState();
    const selected = s.selectedIds();
    if (id && !selected.includes(id)) {
      s.selectNode(id);
      setTargets([id]);
    } else {
      setTargets(id ? selected : []);
    }
    setCanPaste(s.hasClipboard());
  };

  const many = targets.length > 1;
  return (
    <ContextMenu.Root>
      <ContextMenu.Trigger onContextMenu={onContextMenu}>{children}</ContextMenu.Trigger>
      <ContextMenu.Content size="1" data-testid="canvas-menu">
        {targets.length > 0 && (
          <>
            <ContextMenu.Item shortcut={`${MOD}+C`} onSelect={() => api.getState().copy(targets)} data-testid="canvas-menu-copy">
              {many ? `Копировать (${targets.length})` : 'Копировать'}
            </ContextMenu.Item>
            <ContextMenu.Item shortcut={`${MOD}+D`} onSelect={() => reportPaste(api.getState().duplicate(targets))} data-testid="canvas-menu-duplicate">
              Дублировать
            </ContextMenu.Item>
            <ContextMenu.Item
              onSelect={() => {
                if (api.getState().disconnect(targets) === 0) toast.info('У шага нет связей');
              }}
              data-testid="canvas-menu-disconnect"
            >
              Отсоединить связи
            </ContextMenu.Item>
            <ContextMenu.Item color="red" shortcut="Delete" onSelect={() => api.getState().removeNodes(targets)} data-testid="canvas-menu-delete">
              Удалить
            </ContextMenu.Item>
            <ContextMenu.Separator />
          </>
        )}
        <ContextMenu.Item shortcut={`${MOD}+V`} disabled={!canPaste} onSelect={() => reportPaste(api.getState().paste())} data-testid="canvas-menu-paste">
          Вставить
        </ContextMenu.Item>
        {onLayout && (
          <ContextMenu.Item onSelect={onLayout} data-testid="canvas-menu-layout">
            Выстроить схему
          </ContextMenu.Item>
        )}
      </ContextMenu.Content>
    </ContextMenu.Root>
  );
}
