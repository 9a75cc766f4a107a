import { Flex, Link, Text } from '@radix-ui/themes';
import { Link as RouterLink } from 'react-router';
import { plural } from './date-format.util.ts';

interface Props {
  failed: number;
  /** Failing now, waiting for their next attempt: not errors yet, but not fine either. */
  retrying?: number;
  /** Where the rule's failed runs are listed. */
  workflowId: string;
}

/** «2 ошибки, 5 повторяются» for a rule's last 24 hours; «0» when all is well. */
export function FailureStats({ failed, retrying = 0, workflowId }: Props) {
  if (failed === 0 && retrying === 0) return <Text color="gray">0</Text>;
  const rule = encodeURIComponent(workflowId);
  return (
    <Flex direction="column" align="end" gap="0" data-testid="rule-failures">
      {failed > 0 ? (
        <Link asChild color="red" weight="bold" size="2">
          <RouterLink to={`/logs?workflowId=${rule}&status=failed`}>
            {failed} {plural(failed, ['ошибка', 'ошибки', 'ошибок'])}
          </RouterLink>
        </Link>
      ) : null}
      {retrying > 0 ? (
        <Link asChild color="amber" size="2">
          <RouterLink to={`/logs?workflowId=${rule}&status=queued`} title="Временная ошибка: запуски повторятся сами">
            {retrying} {plural(retrying, ['повторяется', 'повторяются', 'повторяются'])}
          </RouterLink>
        </Link>
      ) : null}
    </Flex>
  );
}
