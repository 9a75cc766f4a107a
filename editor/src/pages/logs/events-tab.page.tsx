import { useState } from 'react';
import { EnvelopeClosedIcon } from '@radix-ui/react-icons';
import { eventsApi } from '../../api/events.api.ts';
import type { InboundEvent } from '../../api/workflows.api.ts';
import { usePageTitle } from '../../hooks/use-page-title.hook.ts';
import { StatusListTab, useStatusList } from './status-list-tab.component.tsx';
import { EventsTable } from './events-table.component.tsx';
import { EventDetailDialog } from './event-detail.dialog.tsx';

/** «Входящие события»: what arrived at the webhooks, with details and replay. */
export function EventsTabPage() {
  usePageTitle('Входящие события');
  const [selected, setSelected] = useState<InboundEvent | null>(null);
  const [open, setOpen] = useState(false);
  const list = useStatusList('events', eventsApi.list);
  const { data, loading, reload } = list;
  // After a replay the list is reloaded: show the fresh copy of the open event.
  const current = (selected && data?.items.find((e) => e.id === selected.id)) || selected;

  return (
    <StatusListTab
      list={list}
      statusKind="event"
      statusLabel="Статус события"
      errorTitle="Не удалось загрузить события"
      icon={<EnvelopeClosedIcon />}
      empty={{
        title: 'Входящих событий пока нет',
        description: 'Здесь появится каждый запрос, пришедший на адрес вебхука правила: с заголовками и телом.',
      }}
      emptyFilteredTitle="Нет событий по этим фильтрам"
      after={
        <EventDetailDialog
          event={current}
          open={open}
          onClose={() => setOpen(false)}
          onReplayed={() => reload({ silent: true })}
        />
      }
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
    </StatusListTab>
  );
}
