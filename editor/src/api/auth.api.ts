import { http } from './client.ts';

export type UserRole = 'admin' | 'member';

/** The signed-in user, as `GET /api/auth/me` answers. */
export interface Me {
  id: string;
  email: string;
  name: string;
  role: UserRole;
  tenant: { id: string; name: string };
  /** Set when a platform admin blocked the tenant: the shell shows it as a banner. */
  blocked?: { at: string; reason: string | null } | null;
}

/** `company` names the new workspace (tenant); the server accepts it though the contract omits it. */
export interface RegisterBody {
  email: string;
  password: string;
  name: string;
  company?: string;
}

export const authApi = {
  me: (signal?: AbortSignal) => http.get<Me>('/api/auth/me', undefined, signal),
  login: (body: { email: string; password: string }) => http.post<{ user: Me }>('/api/auth/login', body),
  register: (body: RegisterBody) => http.post<{ user: Me }>('/api/auth/register', body),
  logout: () => http.post<void>('/api/auth/logout'),
  /** Ends every other session of the user; the current one stays. */
  changePassword: (body: { currentPassword: string; newPassword: string }) => http.post<{ endedSessions: number }>('/api/auth/password', body),
  /** Ends every session of the user, this one included. */
  logoutAll: () => http.post<void>('/api/auth/logout-all'),
};
