import { Badge, Spinner } from '@radix-ui/themes';
import type { ConnectionView } from '../../api/connections.api.ts';

const STATUS: Record<ConnectionView['status'], { label: string; color: 'green' | 'red' | 'amber' | 'gray' }> = {
  ok: { label: 'Подключено', color: 'green' },
  error: { label: 'Ошибка', color: 'red' },
  pending: { label: 'Ожидает входа', color: 'amber' },
  unknown: { label: 'Не проверено', color: 'gray' },
};

export function ConnectionStatusBadge({ status, checking }: { status: ConnectionView['status']; checking?: boolean }) {
  const info = STATUS[status] ?? STATUS.unknown;
  return (
    <Badge color={checking ? 'gray' : info.color} variant="soft" radius="full" className="status-badge" data-testid="connection-status" data-status={checking ? 'checking' : status}>
      {checking ? <Spinner size="1" /> : <span className="status-dot" aria-hidden />}
      {checking ? 'Проверяем…' : info.label}
    </Badge>
  );
}
