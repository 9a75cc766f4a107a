import { Link as RouterLink } from 'react-router';
import { Card, Flex, Heading, Skeleton, Text } from '@radix-ui/themes';
import { CheckCircledIcon } from '@radix-ui/react-icons';
import type { ConnectionView } from '../../api/connections.api.ts';

const PROBLEM: Record<ConnectionView['status'], string> = {
  error: 'Проверка не прошла',
  pending: 'Нужно войти в сервис',
  unknown: 'Ещё не проверено',
  ok: 'Работает',
};

/** «Подключения»: those that need the user (a failed check, a consent to give). */
export function ConnectionsCard({ connections, loading }: { connections: { total: number; attention: ConnectionView[] } | null | undefined; loading: boolean }) {
  return (
    <Card size={{ initial: "2", sm: "3" }} className="home-card" data-testid="overview-connections">
      <Flex direction="column" gap="3">
        <Heading as="h2" size="3">
          Подключения
        </Heading>
        {connections === null ? (
          <Text size="2" color="gray">
            Не удалось загрузить подключения.
          </Text>
        ) : !connections ? (
          <Skeleton loading={loading}>
            <Text size="2">Загрузка…</Text>
          </Skeleton>
        ) : connections.total === 0 ? (
          <Text size="2" color="gray">
            Сервисы ещё не подключены.{' '}
            <RouterLink to="/settings" className="overview-link">
              Подключить AmoCRM или LPTracker
            </RouterLink>
          </Text>
        ) : connections.attention.length === 0 ? (
          <Flex align="center" gap="2">
            <CheckCircledIcon color="var(--green-11)" aria-hidden />
            <Text size="2" color="gray">
              Все подключения работают ({connections.total}).
            </Text>
          </Flex>
        ) : (
          <ul className="overview-rows">
            {connections.attention.map((c) => (
              <li key={c.id} className="overview-row">
                <RouterLink to="/settings" className="overview-row-title">
                  {c.name}
                </RouterLink>
                <Text size="2" color={c.status === 'error' ? 'red' : 'amber'}>
                  {PROBLEM[c.status]}
                  {c.lastError ? `: ${c.lastError}` : ''}
                </Text>
              </li>
            ))}
          </ul>
        )}
      </Flex>
    </Card>
  );
}
