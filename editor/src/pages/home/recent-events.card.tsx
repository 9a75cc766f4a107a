import { Link as RouterLink } from 'react-router';
import { Card, Flex, Heading, Skeleton, Text } from '@radix-ui/themes';
import type { LogEvent } from '../../api/events.api.ts';
import { StatusBadge } from '../../components/status-badge.component.tsx';
import { formatDateTime, formatRelative } from '../../components/date-format.util.ts';

/** «Последние события»: the latest webhooks, each a link to it in «Логи». */
export function RecentEventsCard({ events, loading }: { events: LogEvent[] | null | undefined; loading: boolean }) {
  return (
    <Card size={{ initial: "2", sm: "3" }} className="home-card" data-testid="overview-events">
      <Flex direction="column" gap="3">
        <Flex justify="between" align="baseline" gap="3" wrap="wrap">
          <Heading as="h2" size="3">
            Последние события
          </Heading>
          <RouterLink to="/logs/events" className="overview-link">
            <Text size="2">Все события</Text>
          </RouterLink>
        </Flex>
        {events === null ? (
          <Text size="2" color="gray">
            Не удалось загрузить события.
          </Text>
        ) : !events ? (
          <Skeleton loading={loading}>
            <Text size="2">Загрузка…</Text>
          </Skeleton>
        ) : events.length === 0 ? (
          <Text size="2" color="gray">
            Событий пока не было: они появятся, когда CRM или сайт отправят вебхук на адрес правила.
          </Text>
        ) : (
          <ul className="overview-rows">
            {events.map((e) => (
              <li key={e.id} className="overview-row">
                <Flex justify="between" align="center" gap="3" wrap="wrap">
                  <RouterLink to={`/logs/events?id=${e.id}`} className="overview-row-title">
                    {e.workflowName}
                  </RouterLink>
                  <StatusBadge kind="event" value={e.status} />
                </Flex>
                <Text size="1" color="gray" title={formatDateTime(e.receivedAt)}>
                  {formatRelative(e.receivedAt)}
                  {e.summary ? (
                    <>
                      {' · '}
                      <span className="payload-summary">{e.summary}</span>
                    </>
                  ) : null}
                </Text>
              </li>
            ))}
          </ul>
        )}
      </Flex>
    </Card>
  );
}
