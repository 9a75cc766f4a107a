import { Link as RouterLink } from 'react-router';
import { Flex, Link, Text } from '@radix-ui/themes';
import { ExternalLinkIcon } from '@radix-ui/react-icons';
import { shortId } from '../../components/date-format.util.ts';

/** Links to the runs an event started. */
export function EventRunLinks({ runIds, from }: { runIds: string[]; from: string }) {
  if (!runIds.length) return <Text color="gray">Запусков не было</Text>;
  return (
    <Flex gap="3" wrap="wrap">
      {runIds.map((id, i) => (
        <Link asChild key={id}>
          <RouterLink to={`/logs/runs/${encodeURIComponent(id)}`} state={{ from }} title={id}>
            <Flex as="span" align="center" gap="1">
              Запуск {runIds.length > 1 ? `${i + 1} ` : ''}
              <span className="mono">{shortId(id)}</span>
              <ExternalLinkIcon />
            </Flex>
          </RouterLink>
        </Link>
      ))}
    </Flex>
  );
}
