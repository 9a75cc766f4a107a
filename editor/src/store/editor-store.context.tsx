import { createContext, useContext, type ReactNode } from 'react';
import { useStore, type StoreApi } from 'zustand';
import type { EditorStore } from './editor-state.store.ts';

const EditorStoreContext = createContext<StoreApi<EditorStore> | null>(null);

export function EditorStoreProvider({ store, children }: { store: StoreApi<EditorStore>; children: ReactNode }) {
  return <EditorStoreContext.Provider value={store}>{children}</EditorStoreContext.Provider>;
}

/** The store itself, for actions and one-off reads (`api.getState().undo()`). */
export function useEditorApi(): StoreApi<EditorStore> {
  const store = useContext(EditorStoreContext);
  if (!store) throw new Error('useEditorApi outside EditorStoreProvider');
  return store;
}

/** A minimal slice of the editor state; re-renders only when the slice changes. */
export function useEditor<T>(selector: (state: EditorStore) => T): T {
  return useStore(useEditorApi(), selector);
}
