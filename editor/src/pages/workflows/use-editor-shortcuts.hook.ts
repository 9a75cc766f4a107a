import { useEffect } from 'react';
import { reportPaste } from '../../canvas/canvas-context-menu.component.tsx';
import { useEditorApi } from '../../store/editor-store.context.tsx';

const isTextTarget = (t: EventTarget | null) =>
  t instanceof HTMLElement && (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName));

/**
 * Ctrl/Cmd+S saves; outside text fields Ctrl/Cmd+Z undoes, Ctrl/Cmd+Shift+Z and Ctrl+Y redo,
 * Ctrl/Cmd+C copies the selected steps, Ctrl/Cmd+V pastes them, Ctrl/Cmd+D duplicates.
 */
export function useEditorShortcuts(save: () => void) {
  const api = useEditorApi();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
      const key = e.key.toLowerCase();
      // `code` keeps shortcuts working with the Russian layout (Ctrl+Ы is Ctrl+S).
      const is = (letter: string) => key === letter || e.code === `Key${letter.toUpperCase()}`;
      if (is('s')) {
        e.preventDefault();
        save();
        return;
      }
      if (isTextTarget(e.target) || document.querySelector('[role="dialog"]')) return;
      const s = api.getState();
      if (is('z') && !e.shiftKey) {
        e.preventDefault();
        s.undo();
      } else if ((is('z') && e.shiftKey) || is('y')) {
        e.preventDefault();
        s.redo();
      } else if (is('c')) {
        // Text selected on the page (a label, a message) is copied as text, not as steps.
        if (window.getSelection()?.toString()) return;
        if (s.copy() > 0) e.preventDefault();
      } else if (is('v')) {
        if (!s.hasClipboard()) return;
        e.preventDefault();
        reportPaste(s.paste());
      } else if (is('d')) {
        // Ctrl+D is the browser's bookmark: taken only when there is something to duplicate.
        if (s.selectedIds().length === 0) return;
        e.preventDefault();
        reportPaste(s.duplicate());
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [api, save]);
}
