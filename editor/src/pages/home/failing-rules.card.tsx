import { Link as RouterLink } from 'react-router';
import { Card, Flex, Heading, Skeleton, Text } from '@radix-ui/themes';
import { CheckCircledIcon } from '@radix-ui/react-icons';
import type { WorkflowSummary } from '../../api/workflows.api.ts';
import { formatNumber } from '../../components/date-format.util.ts';

const SHOWN = 5;

/** «Правила с ошибками»: rules whose runs failed or wait for a retry in the last 24 hours. */
export function FailingRulesCard({ rules, loading }: { rules: { total: number; failing: WorkflowSummary[] } | null | undefined; loading: boolean }) {
  return (
    <Card size={{ initial: "2", sm: "3" }} className="home-card" data-testid="overview-failing-rules">
      <Flex direction="column" gap="3">
        <Heading as="h2" size="3">
          Правила с ошибками за 24 часа
        </Heading>
        {rules === null ? (
          <Text size="2" color="gray">
            Не удалось загрузить правила.
          </Text>
        ) : !rules ? (
          <Skeleton loading={loading}>
            <Text size="2">Загрузка…</Text>
          </Skeleton>
        ) : rules.failing.length === 0 ? (
          <Flex align="center" gap="2">
            <CheckCircledIcon color="var(--green-11)" aria-hidden />
            <Text size="2" color="gray">
              {rules.total === 0 ? 'Правил пока нет.' : 'Ошибок нет: все правила отработали без сбоев.'}
            </Text>
          </Flex>
        ) : (
          <ul className="overview-rows">
            {rules.failing.slice(0, SHOWN).map((w) => (
              <li key={w.id} className="overview-row">
                <RouterLink to={`/rules/${w.id}`} className="overview-row-title">
                  {w.name}
                </RouterLink>
                <Flex gap="3" wrap="wrap" align="center">
                  {w.stats24h.failed > 0 ? (
                    <RouterLink to={`/logs?workflowId=${w.id}&status=failed&period=24h`} className="overview-link">
                      <Text size="2" color="red">
                        Ошибок: {formatNumber(w.stats24h.failed)}
                      </Text>
                    </RouterLink>
                  ) : null}
                  {w.stats24h.retrying > 0 ? (
                    <RouterLink to={`/logs?workflowId=${w.id}&status=queued&period=24h`} className="overview-link">
                      <Text size="2" color="amber">
                        Ждут повтора: {formatNumber(w.stats24h.retrying)}
                      </Text>
                    </RouterLink>
                  ) : null}
                </Flex>
              </li>
            ))}
            {rules.failing.length > SHOWN ? (
              <li>
                <RouterLink to="/logs?status=failed&period=24h" className="overview-link">
                  <Text size="2">И ещё {rules.failing.length - SHOWN} — все ошибки в «Логах»</Text>
                </RouterLink>
              </li>
            ) : null}
          </ul>
        )}
      </Flex>
    </Card>
  );
}
