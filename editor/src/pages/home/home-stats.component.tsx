import type { ReactNode } from 'react';
import { Link as RouterLink } from 'react-router';
import { Card, Flex, Grid, Skeleton, Text } from '@radix-ui/themes';
import { formatNumber } from '../../components/date-format.util.ts';
import type { HomeStats as Stats } from './home-stats.api.ts';

interface TileProps {
  label: string;
  value: number | null | undefined;
  loading: boolean;
  to: string;
  hint: ReactNode;
  tone?: 'red';
}

function StatTile({ label, value, loading, to, hint, tone }: TileProps) {
  return (
    <Card asChild size="3" className="home-card hoverable-card">
      <RouterLink to={to}>
        <Flex direction="column" gap="1">
          <Text size="2" color="gray">
            {label}
          </Text>
          <Skeleton loading={loading}>
            <Text size="7" weight="bold" color={tone && value ? tone : undefined}>
              {value === null ? '—' : formatNumber(value ?? 0)}
            </Text>
          </Skeleton>
          <Text size="1" color="gray">
            {value === null ? 'Не удалось загрузить' : hint}
          </Text>
        </Flex>
      </RouterLink>
    </Card>
  );
}

/** Totals from the API: rules, runs, failed runs. */
export function HomeStats({ stats, loading }: { stats: Stats | undefined; loading: boolean }) {
  const first = loading && !stats;
  return (
    <Grid columns={{ initial: '1', sm: '3' }} gap="4">
      <StatTile label="Правила" value={stats?.workflows} loading={first} to="/rules" hint="Всего в рабочем пространстве" />
      <StatTile label="Запуски" value={stats?.runs} loading={first} to="/logs" hint="За всё время" />
      <StatTile
        label="Запуски с ошибкой"
        value={stats?.failedRuns}
        loading={first}
        to="/logs?status=failed"
        hint={stats?.failedRuns === 0 ? 'Ошибок нет' : 'Откройте, чтобы разобрать и повторить'}
        tone="red"
      />
    </Grid>
  );
}
