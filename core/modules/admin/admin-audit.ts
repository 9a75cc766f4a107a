import type { OpLog } from '../logs/op-log.service.ts';

/** Who acted: the signed-in platform admin. */
export interface AdminActor {
  id: string;
  email: string;
}

/**
 * Every admin action goes to the operation log twice: into the affected tenant's log (its users
 * see what was done to their space and by whom) and into the platform log (tenant null), the
 * admins' own trail. Messages name the admin and never carry credentials.
 */
export function createAdminAudit(opLog: OpLog) {
  return async function audit(
    actor: AdminActor,
    entry: { tenantId: string | null; message: string; level?: 'info' | 'warn'; context?: Record<string, unknown> },
  ): Promise<void> {
    const context = { ...entry.context, adminId: actor.id, adminEmail: actor.email, ...(entry.tenantId ? { tenantId: entry.tenantId } : {}) };
    const line = { level: entry.level ?? 'info', source: 'admin', message: entry.message, context } as const;
    await Promise.all([
      entry.tenantId ? opLog.write({ ...line, tenantId: entry.tenantId }) : undefined,
      opLog.write({ ...line, tenantId: null }),
    ]);
  };
}

export type AdminAudit = ReturnType<typeof createAdminAudit>;
