import { Link as RouterLink } from 'react-router';
import { Card, Flex, Heading, Skeleton, Text } from '@radix-ui/themes';
import { formatNumber } from '../../components/date-format.util.ts';
import type { Count, TodayRuns } from './overview.api.ts';

const pad = (n: number) => String(n).padStart(2, '0');
/** The logs' `from` filter: local `YYYY-MM-DDTHH:mm`. */
const localMinute = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;

const shown = (c: Count) => (c.capped ? `более ${formatNumber(c.value)}` : formatNumber(c.value));

interface Outcome {
  key: 'succeeded' | 'failed' | 'active' | 'cancelled';
  label: string;
  /** The status filter of «Логи» that lists these runs. */
  status: string;
  tone: string;
}

const OUTCOMES: Outcome[] = [
  { key: 'succeeded', label: 'Выполнено', status: 'succeeded', tone: 'green' },
  { key: 'failed', label: 'С ошибкой', status: 'failed', tone: 'red' },
  { key: 'active', label: 'В работе и ждут повтора', status: 'queued', tone: 'blue' },
  { key: 'cancelled', label: 'Отменено', status: 'cancelled', tone: 'gray' },
];

/** «Запуски сегодня»: how today's runs ended, each figure a link to those runs in «Логи». */
export function TodayRunsCard({ today, loading }: { today: TodayRuns | null | undefined; loading: boolean }) {
  const total = today ? OUTCOMES.reduce((n, o) => n + today[o.key].value, 0) : 0;
  const from = localMinute(today?.since ?? new Date());
  return (
    <Card size={{ initial: "2", sm: "3" }} className="home-card" data-testid="overview-today">
      <Flex direction="column" gap="4">
        <Flex justify="between" align="baseline" gap="3" wrap="wrap">
          <Heading as="h2" size="3">
            Запуски сегодня
          </Heading>
          {today ? (
            <RouterLink to={`/logs/events?from=${from}`} className="overview-link">
              <Text size="2">Входящих событий: {shown(today.events)}</Text>
            </RouterLink>
          ) : null}
        </Flex>
        {today === null ? (
          <Text size="2" color="gray">
            Не удалось загрузить запуски. Страница обновится сама через полминуты.
          </Text>
        ) : (
          <>
            <div className="outcome-bar" aria-hidden>
              {today && total > 0
                ? OUTCOMES.filter((o) => today[o.key].value > 0).map((o) => (
                    <span key={o.key} className={`outcome-bar-part tone-${o.tone}`} style={{ flexGrow: today[o.key].value }} />
                  ))
                : null}
            </div>
            <ul className="outcome-list">
              {OUTCOMES.map((o) => (
                <li key={o.key}>
                  <RouterLink to={`/logs?status=${o.status}&from=${from}`} className="outcome-item" data-testid={`overview-${o.key}`}>
                    <span className={`outcome-dot tone-${o.tone}`} aria-hidden />
                    <Text size="2" color="gray" className="outcome-label">
                      {o.label}
                    </Text>
                    <Skeleton loading={loading && !today}>
                      <Text size="5" weight="bold" color={o.key === 'failed' && today && today.failed.value > 0 ? 'red' : undefined}>
                        {today ? shown(today[o.key]) : '0'}
                      </Text>
                    </Skeleton>
                  </RouterLink>
                </li>
              ))}
            </ul>
            {today && total === 0 ? (
              <Text size="2" color="gray">
                Сегодня правила ещё не запускались.
              </Text>
            ) : null}
          </>
        )}
      </Flex>
    </Card>
  );
}
