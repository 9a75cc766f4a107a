import { useEffect } from 'react';
import { create } from 'zustand';

const STORAGE_KEY = 'shell.sidebar-collapsed';

function remembered(): boolean {
  try {
    return localStorage.getItem(STORAGE_KEY) === '1';
  } catch {
    return false;
  }
}

interface ShellState {
  /** The user's own choice for wide screens: the sidebar as a rail of icons. Remembered. */
  collapsedByUser: boolean;
  /** A page that needs the width (the rule editor) folded the sidebar while it is open. */
  collapsedByPage: boolean;
  /** «Свернуть меню» / «Развернуть меню». */
  toggle(): void;
  setCollapsedByPage(collapsed: boolean): void;
}

export const useShellStore = create<ShellState>()((set, get) => ({
  collapsedByUser: remembered(),
  collapsedByPage: false,
  toggle() {
    const { collapsedByUser, collapsedByPage } = get();
    // Expanding on a page that folded it only lasts for that page; the user's choice is kept.
    if (collapsedByPage && !collapsedByUser) return set({ collapsedByPage: false });
    const next = !(collapsedByUser || collapsedByPage);
    try {
      localStorage.setItem(STORAGE_KEY, next ? '1' : '0');
    } catch {
      // Private mode: the choice lasts until the tab is closed.
    }
    set({ collapsedByUser: next, collapsedByPage: false });
  },
  setCollapsedByPage(collapsedByPage) {
    set({ collapsedByPage });
  },
}));

/** Whether the sidebar shows icons only. */
export const useSidebarCollapsed = () => useShellStore((s) => s.collapsedByUser || s.collapsedByPage);

/**
 * For pages that need the whole width (the rule editor): folds the sidebar to icons while the page
 * is open and gives it back on leaving. The user can still expand it with its button.
 */
export function useSidebarRoom(enabled = true): void {
  const setCollapsedByPage = useShellStore((s) => s.setCollapsedByPage);
  useEffect(() => {
    if (!enabled) return;
    setCollapsedByPage(true);
    return () => setCollapsedByPage(false);
  }, [enabled, setCollapsedByPage]);
}
