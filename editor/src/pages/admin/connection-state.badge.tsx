import { Badge, Spinner } from '@radix-ui/themes';
import type { ConnectionStatus } from '../../api/admin.api.ts';

const STATUS: Record<ConnectionStatus, { label: string; color: 'green' | 'red' | 'amber' | 'gray' }> = {
  ok: { label: 'Работает', color: 'green' },
  error: { label: 'Ошибка', color: 'red' },
  pending: { label: 'Ожидает входа', color: 'amber' },
  unknown: { label: 'Не проверено', color: 'gray' },
};

/** A connection's state; `null` is «Не привязан» (the LPTracker column of the tenants list). */
export function ConnectionStateBadge({ status, checking, testId }: { status: ConnectionStatus | null; checking?: boolean; testId?: string }) {
  const info = status ? STATUS[status] : { label: 'Не привязан', color: 'gray' as const };
  return (
    <Badge color={checking ? 'gray' : info.color} variant={status ? 'soft' : 'outline'} radius="full" className="status-badge" data-testid={testId} data-status={checking ? 'checking' : (status ?? 'none')}>
      {checking ? <Spinner size="1" /> : <span className="status-dot" aria-hidden />}
      {checking ? 'Проверяем…' : info.label}
    </Badge>
  );
}
