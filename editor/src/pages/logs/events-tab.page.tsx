import { useEffect, useState } from 'react';
import { EnvelopeClosedIcon } from '@radix-ui/react-icons';
import { eventsApi, type LogEvent } from '../../api/events.api.ts';
import { usePageTitle } from '../../hooks/use-page-title.hook.ts';
import { StatusListTab, useStatusList } from './status-list-tab.component.tsx';
import { EventsTable } from './events-table.component.tsx';
import { EventDetailDialog } from './event-detail.dialog.tsx';

/**
 * «Входящие события»: what arrived at the webhooks, searchable by content, with details and replay.
 * `?id=` (a link from a run) shows that one event and opens it.
 */
export function EventsTabPage() {
  usePageTitle('Входящие события');
  const [selected, setSelected] = useState<LogEvent | null>(null);
  const [open, setOpen] = useState(false);
  const list = useStatusList('events', eventsApi.list);
  const { data, loading, reload, f } = list;
  const linked = f.values.id;
  // After a replay the list is reloaded: show the fresh copy of the open event.
  const current = (selected && data?.items.find((e) => e.id === selected.id)) || selected;

  useEffect(() => {
    const hit = linked ? data?.items.find((e) => e.id === linked) : undefined;
    if (hit) {
      setSelected(hit);
      setOpen(true);
    }
  }, [linked, data]);

  const close = () => {
    setOpen(false);
    // The linked event was looked at: the list goes back to every event.
    if (linked) f.set({ id: null });
  };

  return (
    <StatusListTab
      list={list}
      statusKind="event"
      statusLabel="Статус события"
      search={{ placeholder: 'Имя, телефон, город…', ariaLabel: 'Поиск по содержимому события' }}
      errorTitle="Не удалось загрузить события"
      icon={<EnvelopeClosedIcon />}
      empty={{
        title: 'Входящих событий пока нет',
        description: 'Здесь появится каждый запрос, пришедший на адрес вебхука правила: с заголовками и телом.',
      }}
      emptyFilteredTitle="Нет событий по этим фильтрам"
      after={<EventDetailDialog event={current} open={open} onClose={close} onReplayed={() => reload({ silent: true })} />}
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
