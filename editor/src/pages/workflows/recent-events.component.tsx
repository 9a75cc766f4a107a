import { useEffect, useState } from 'react';
import { Badge, Flex, Spinner, Text } from '@radix-ui/themes';
import { workflowsApi, type InboundEvent } from '../../api/workflows.api.ts';
import { EVENT_STATUS } from '../../components/status-labels.constants.ts';
import { errorMessage } from '../../store/editor-toast.store.ts';
import { formatDateTime } from './workflow-format.util.ts';

interface Props {
  workflowId: string;
  selectedId: string | null;
  onPick: (event: InboundEvent) => void;
}

const preview = (body: unknown) => {
  const s = typeof body === 'string' ? body : JSON.stringify(body);
  return !s ? 'пустое тело' : s.length > 110 ? s.slice(0, 109) + '…' : s;
};

/** The last 10 events received by this rule, to replay one of them as a test. */
export function RecentEvents({ workflowId, selectedId, onPick }: Props) {
  const [events, setEvents] = useState<InboundEvent[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    workflowsApi
      .recentEvents(workflowId, 10)
      .then((res) => setEvents(res.items))
      .catch((err) => setError(errorMessage(err)));
  }, [workflowId]);

  if (error) return <Text size="2" color="red">Не удалось загрузить события: {error}</Text>;
  if (!events) return <Spinner />;
  if (events.length === 0) {
    return (
      <Text as="p" size="2" color="gray" data-testid="recent-events-empty">
        Это правило ещё не получало событий. Отправьте запрос на адрес вебхука или вставьте JSON на вкладке «Своё тело запроса».
      </Text>
    );
  }
  return (
    <Flex direction="column" gap="1" className="recent-events" data-testid="recent-events">
      {events.map((e) => {
        const status = EVENT_STATUS[e.status];
        return (
          <button
            type="button"
            key={e.id}
            className={e.id === selectedId ? 'recent-event selected' : 'recent-event'}
            onClick={() => onPick(e)}
            data-testid={`recent-event-${e.id}`}
          >
            <Flex justify="between" align="center" gap="2">
              <Text size="1" weight="medium">
                {formatDateTime(e.receivedAt)} · {e.method}
              </Text>
              {status && (
                <Badge size="1" color={status.color} variant="soft">
                  {status.label}
                </Badge>
              )}
            </Flex>
            <Text as="div" size="1" color="gray" className="recent-event-body">
              {preview(e.body)}
            </Text>
          </button>
        );
      })}
    </Flex>
  );
}
