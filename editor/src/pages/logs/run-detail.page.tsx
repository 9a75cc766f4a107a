import { useEffect, useMemo } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { Button, Flex, IconButton, Spinner, Text, Tooltip } from '@radix-ui/themes';
import { ArrowLeftIcon, MagnifyingGlassIcon, ReloadIcon } from '@radix-ui/react-icons';
import { isRunActive, runsApi } from '../../api/runs.api.ts';
import { fetchNodeTypes } from '../../api/node-types.api.ts';
import { useApiData } from '../../hooks/use-api-data.hook.ts';
import { usePageTitle } from '../../hooks/use-page-title.hook.ts';
import { PageHeader } from '../../components/page-header.component.tsx';
import { ErrorCallout } from '../../components/error-callout.component.tsx';
import { EmptyState } from '../../components/empty-state.component.tsx';
import { LoadingState } from '../../components/loading-state.component.tsx';
import { RunHeader } from './run-header.component.tsx';
import { RunActions } from './run-actions.component.tsx';
import { RunSteps } from './run-steps.component.tsx';
import { needsClock, runOutcome } from './run-outcome.util.ts';
import { OutcomeBadge, useNow } from './run-outcome.component.tsx';
import { formatDateTime } from '../../components/date-format.util.ts';
import './logs.css';

const POLL_MS = 2000;

/**
 * One run: its outcome in words, facts (rule, version, event, attempts), the records it linked,
 * retry/cancel and the per-node timeline. Refreshes itself while queued or running.
 */
export function RunDetailPage() {
  const { id = '' } = useParams();
  const location = useLocation();
  const backState = location.state as { from?: string } | null;
  const back = backState?.from?.startsWith('/logs') ? backState.from : '/logs';
  const { data: run, error, loading, reload } = useApiData((signal) => runsApi.get(id, signal), `run:${id}`);
  const nodeTypes = useApiData(() => fetchNodeTypes(), 'node-types');
  usePageTitle(run ? `Запуск «${run.workflowName}»` : 'Запуск');
  const now = useNow(run ? needsClock([run]) : false);
  const systemTitles = useMemo(
    () => Object.fromEntries((nodeTypes.data?.plugins ?? []).map((p) => [p.id, p.title])),
    [nodeTypes.data],
  );

  const active = run ? isRunActive(run.status) : false;
  useEffect(() => {
    if (!active) return;
    const t = setTimeout(() => reload({ silent: true }), POLL_MS);
    return () => clearTimeout(t);
  }, [active, run, error, reload]);

  const backLink = (
    <Button asChild variant="ghost" color="gray" size="1" style={{ alignSelf: 'flex-start' }}>
      <Link to={back}>
        <ArrowLeftIcon /> Все запуски
      </Link>
    </Button>
  );

  if (!run) {
    return (
      <div className="page page-wide">
        <PageHeader before={backLink} title="Запуск" />
        {loading ? <LoadingState /> : null}
        {error && error.status === 404 ? (
          <EmptyState
            icon={<MagnifyingGlassIcon />}
            title="Запуск не найден"
            description="Возможно, он был удалён вместе с правилом или ссылка неполная."
          />
        ) : error ? (
          <ErrorCallout error={error} title="Не удалось загрузить запуск" onRetry={() => reload()} />
        ) : null}
      </div>
    );
  }

  const outcome = runOutcome(run, now);
  return (
    <div className="page page-wide run-detail">
      <PageHeader
        before={backLink}
        title={
          <Flex align="center" gap="3" wrap="wrap">
            <span className="run-title">{run.workflowName || 'Без названия'}</span>
            <OutcomeBadge outcome={outcome} size="2" />
          </Flex>
        }
        description={
          active ? (
            <Flex as="span" align="center" gap="2">
              <Spinner size="1" />{' '}
              {outcome.kind === 'retrying' ? 'Запуск ждёт повтора' : 'Запуск ещё идёт'} — страница обновляется автоматически
            </Flex>
          ) : (
            `Запуск от ${formatDateTime(run.createdAt)}: что пришло на вход каждого шага и что получилось.`
          )
        }
        actions={
          <>
            <RunActions run={run} onChanged={() => reload({ silent: true })} backState={backState} />
            <Tooltip content="Обновить">
              <IconButton variant="soft" color="gray" aria-label="Обновить" onClick={() => reload()}>
                <ReloadIcon className={loading ? 'spin' : undefined} />
              </IconButton>
            </Tooltip>
          </>
        }
      />
      {error ? (
        <Flex mb="4">
          <ErrorCallout error={error} title="Не удалось обновить запуск" onRetry={() => reload()} />
        </Flex>
      ) : null}
      <RunHeader run={run} outcome={outcome} systemTitles={systemTitles} />
      <RunSteps run={run} nodeTypes={nodeTypes.data?.nodes ?? []} />
      {nodeTypes.error ? (
        <Text size="1" color="gray" mt="3" as="p">
          Названия узлов недоступны: не удалось загрузить справочник узлов.
        </Text>
      ) : null}
    </div>
  );
}
