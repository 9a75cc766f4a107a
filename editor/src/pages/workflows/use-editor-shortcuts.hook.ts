import { useEffect } from 'react';
import { useEditorApi } from '../../store/editor-store.context.tsx';

const isTextTarget = (t: EventTarget | null) =>
  t instanceof HTMLElement && (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName));

/** Ctrl/Cmd+S saves; Ctrl/Cmd+Z undoes, Ctrl/Cmd+Shift+Z and Ctrl+Y redo (outside text fields). */
export function useEditorShortcuts(save: () => void) {
  const api = useEditorApi();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
      const key = e.key.toLowerCase();
      // `code` keeps shortcuts working with the Russian layout (Ctrl+Ы is Ctrl+S).
      const code = e.code;
      if (key === 's' || code === 'KeyS') {
        e.preventDefault();
        save();
        return;
      }
      if (isTextTarget(e.target)) return;
      if ((key === 'z' || code === 'KeyZ') && !e.shiftKey) {
        e.preventDefault();
        api.getState().undo();
      } else if (((key === 'z' || code === 'KeyZ') && e.shiftKey) || key === 'y' || code === 'KeyY') {
        e.preventDefault();
        api.getState().redo();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [api, save]);
}
