import { useState } from 'react';
import { Link } from 'react-router';
import { Button } from '@radix-ui/themes';
import { EnvelopeClosedIcon } from '@radix-ui/react-icons';
import { eventsApi, type EventStatus } from '../../api/events.api.ts';
import type { InboundEvent } from '../../api/workflows.api.ts';
import { useApiData } from '../../hooks/use-api-data.hook.ts';
import { useUrlFilters } from '../../hooks/use-url-filters.hook.ts';
import { usePageTitle } from '../../hooks/use-page-title.hook.ts';
import { FilterBar } from '../../components/filter-bar.component.tsx';
import { WorkflowSelect } from '../../components/workflow-select.component.tsx';
import { FilterSelect } from '../../components/filter-select.component.tsx';
import { PeriodFilter } from '../../components/period-filter.component.tsx';
import { periodToIso } from '../../components/period.util.ts';
import { statusOptions } from '../../components/status-labels.constants.ts';
import { ListView } from '../../components/list-view.component.tsx';
import { EventsTable } from './events-table.component.tsx';
import { EventDetailDialog } from './event-detail.dialog.tsx';

const KEYS = ['workflowId', 'status', 'period', 'from', 'to'] as const;

/** «Входящие события»: what arrived at the webhooks, with details and replay. */
export function EventsTabPage() {
  usePageTitle('Входящие события');
  const f = useUrlFilters(KEYS);
  const [selected, setSelected] = useState<InboundEvent | null>(null);
  const [open, setOpen] = useState(false);
  const { data, error, loading, reload } = useApiData(
    (signal) =>
      eventsApi.list(
        {
          workflowId: f.values.workflowId || undefined,
          status: (f.values.status || undefined) as EventStatus | undefined,
          ...periodToIso(f.values),
          limit: f.limit,
          offset: f.offset,
        },
        signal,
      ),
    `events?${f.key}`,
  );
  // After a replay the list is reloaded: show the fresh copy of the open event.
  const current = (selected && data?.items.find((e) => e.id === selected.id)) || selected;

  return (
    <div className="fade-in">
      <FilterBar active={f.active} onReset={f.reset} onRefresh={() => reload()} refreshing={loading}>
        <WorkflowSelect value={f.values.workflowId} onChange={(v) => f.set({ workflowId: v })} />
        <FilterSelect
          value={f.values.status}
          onChange={(v) => f.set({ status: v })}
          options={statusOptions('event')}
          allLabel="Все статусы"
          ariaLabel="Статус события"
        />
        <PeriodFilter value={f.values} onChange={(p) => f.set(p)} />
      </FilterBar>
      <ListView
        data={data}
        loading={loading}
        error={error}
        errorTitle="Не удалось загрузить события"
        onRetry={() => reload()}
        offset={f.offset}
        limit={f.limit}
        onPage={f.setPage}
        filtersActive={f.active}
        onResetFilters={f.reset}
        icon={<EnvelopeClosedIcon />}
        empty={{
          title: 'Входящих событий пока нет',
          description: 'Здесь появится каждый запрос, пришедший на адрес вебхука правила: с заголовками и телом.',
          action: (
            <Button asChild variant="soft">
              <Link to="/rules">К правилам</Link>
            </Button>
          ),
        }}
        emptyFiltered={{
          title: 'Нет событий по этим фильтрам',
          description: 'Попробуйте выбрать другое правило, статус или период.',
        }}
      >
        {(items) => (
          <EventsTable
            events={items}
            dimmed={loading}
            onOpen={(ev) => {
              setSelected(ev);
              setOpen(true);
            }}
          />
        )}
      </ListView>
      <EventDetailDialog
        event={current}
        open={open}
        onClose={() => setOpen(false)}
        onReplayed={() => reload({ silent: true })}
      />
    </div>
  );
}
