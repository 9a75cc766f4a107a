import { create } from 'zustand';
import { ApiError, onUnauthorized } from '../api/client.ts';
import { authApi, type Me, type RegisterBody } from '../api/auth.api.ts';

/**
 * unknown — not asked yet; loading — `GET /api/auth/me` in flight; ready — we know (user or null);
 * error — the server could not answer (not a 401), the layout offers to retry.
 */
export type AuthStatus = 'unknown' | 'loading' | 'ready' | 'error';

/** Why there is no user: the signed-in layout keeps the return address unless they logged out. */
export type SignedOutReason = 'logout' | 'expired' | null;

interface AuthState {
  user: Me | null;
  status: AuthStatus;
  error: ApiError | null;
  signedOutReason: SignedOutReason;
  load(): Promise<Me | null>;
  login(email: string, password: string): Promise<Me>;
  register(body: RegisterBody): Promise<Me>;
  logout(): Promise<void>;
  /** «Выйти на всех устройствах»: the user is gone only if the server ended the sessions. */
  logoutAll(): Promise<void>;
}

let pending: Promise<Me | null> | null = null;

export const useAuthStore = create<AuthState>()((set) => ({
  user: null,
  status: 'unknown',
  error: null,
  signedOutReason: null,

  load() {
    if (pending) return pending;
    set({ status: 'loading', error: null });
    pending = authApi
      .me()
      .then((user) => {
        set({ user, status: 'ready', error: null, signedOutReason: null });
        return user;
      })
      .catch((err: unknown) => {
        if (err instanceof ApiError && err.status === 401) {
          set({ user: null, status: 'ready', error: null });
          return null;
        }
        const error = err instanceof ApiError ? err : new ApiError(0, { code: 'UNKNOWN', message: 'Не удалось загрузить профиль' });
        set({ status: 'error', error });
        return null;
      })
      .finally(() => {
        pending = null;
      });
    return pending;
  },

  async login(email, password) {
    const { user } = await authApi.login({ email, password });
    set({ user, status: 'ready', error: null, signedOutReason: null });
    return user;
  },

  async register(body) {
    const { user } = await authApi.register(body);
    set({ user, status: 'ready', error: null, signedOutReason: null });
    return user;
  },

  async logout() {
    try {
      await authApi.logout();
    } finally {
      set({ user: null, status: 'ready', error: null, signedOutReason: 'logout' });
    }
  },

  async logoutAll() {
    await authApi.logoutAll();
    set({ user: null, status: 'ready', error: null, signedOutReason: 'logout' });
  },
}));

onUnauthorized(() => {
  if (useAuthStore.getState().user) {
    useAuthStore.setState({ user: null, status: 'ready', signedOutReason: 'expired' });
  }
});

export const ROLE_LABELS: Record<Me['role'], string> = {
  admin: 'Администратор платформы',
  member: 'Участник',
};
