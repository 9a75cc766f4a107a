import { create } from 'zustand';

export type ToastTone = 'info' | 'success' | 'error' | 'warning';

export interface Toast {
  id: number;
  tone: ToastTone;
  message: string;
}

interface ToastState {
  /** At most one notice at a time: a new one replaces the previous. */
  toasts: Toast[];
  push(tone: ToastTone, message: string): void;
  dismiss(id: number): void;
}

let seq = 0;

/** Short notices of the rules pages (saved, refused connection, server errors). */
export const useToastStore = create<ToastState>()((set, get) => ({
  toasts: [],
  push(tone, message) {
    const id = ++seq;
    set({ toasts: [{ id, tone, message }] });
    setTimeout(() => get().dismiss(id), tone === 'error' ? 7000 : 3500);
  },
  dismiss(id) {
    if (get().toasts.some((t) => t.id === id)) set({ toasts: get().toasts.filter((t) => t.id !== id) });
  },
}));

export const toast = {
  info: (m: string) => useToastStore.getState().push('info', m),
  success: (m: string) => useToastStore.getState().push('success', m),
  error: (m: string) => useToastStore.getState().push('error', m),
  warning: (m: string) => useToastStore.getState().push('warning', m),
};

/** The Russian message of any thrown value. */
export function errorMessage(err: unknown): string {
  return err instanceof Error && err.message ? err.message : 'Что-то пошло не так. Повторите попытку.';
}
