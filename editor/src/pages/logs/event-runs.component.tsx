import { Link as RouterLink } from 'react-router';
import { Flex, Link, Spinner, Text } from '@radix-ui/themes';
import { runsApi } from '../../api/runs.api.ts';
import { useApiData } from '../../hooks/use-api-data.hook.ts';
import { formatDateTime } from '../../components/date-format.util.ts';
import { needsClock } from './run-outcome.util.ts';
import { RunOutcomeCell, useNow } from './run-outcome.component.tsx';

interface Props {
  eventId: string;
  /** The run ids the list gave; a change (a replay) loads the runs again. */
  runIds: string[];
  from: string;
}

/** The runs an event started, each with its outcome and a link to it. */
export function EventRuns({ eventId, runIds, from }: Props) {
  const { data, error, loading } = useApiData((signal) => runsApi.list({ eventId, limit: 25 }, signal), `event-runs:${eventId}:${runIds.join(',')}`);
  const runs = data?.items ?? [];
  const now = useNow(needsClock(runs));
  if (runIds.length === 0 && !runs.length) return <Text color="gray">Запусков не было</Text>;
  if (!data && loading) return <Spinner size="1" />;
  if (error) return <Text color="gray">Не удалось загрузить запуски: {error.message}</Text>;
  return (
    <Flex direction="column" gap="3" data-testid="event-runs">
      {runs.map((run) => (
        <Flex key={run.id} gap="4" align="start" wrap="wrap" className="event-run">
          <RunOutcomeCell run={run} now={now} />
          <Link asChild size="2">
            <RouterLink to={`/logs/runs/${encodeURIComponent(run.id)}`} state={{ from }} className="nowrap">
              Запуск от {formatDateTime(run.createdAt)}
            </RouterLink>
          </Link>
        </Flex>
      ))}
    </Flex>
  );
}
