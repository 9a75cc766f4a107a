import { useCallback, useEffect, useMemo, useState } from 'react';
import { Callout, Flex, IconButton } from '@radix-ui/themes';
import { CheckCircledIcon, Cross2Icon, ExclamationTriangleIcon, MixerHorizontalIcon } from '@radix-ui/react-icons';
import { fetchConnections, type ConnectionView } from '../../api/connections.api.ts';
import { fetchNodeTypes } from '../../api/node-types.api.ts';
import { EmptyState } from '../../components/empty-state.component.tsx';
import { ErrorCallout } from '../../components/error-callout.component.tsx';
import { LoadingState } from '../../components/loading-state.component.tsx';
import { PageHeader } from '../../components/page-header.component.tsx';
import { useApiData } from '../../hooks/use-api-data.hook.ts';
import { usePageTitle } from '../../hooks/use-page-title.hook.ts';
import { ToastViewport } from '../workflows/toast-viewport.component.tsx';
import { PluginSection, type ConnectablePlugin } from './plugin-section.component.tsx';
import { useOAuthReturn } from './use-oauth-return.hook.ts';
import '../../forms/forms.css';
import '../workflows/workflows.css';
import './settings.css';

/**
 * «Настройки»: every plugin that has a connection (from the registry, no plugin code here) with
 * the tenant's connections of it.
 */
export function SettingsPage() {
  usePageTitle('Настройки');
  const types = useApiData(() => fetchNodeTypes(), 'node-types');
  const listed = useApiData((signal) => fetchConnections(undefined, signal), 'connections');
  const [items, setItems] = useState<ConnectionView[]>([]);
  const { focusId, notice, dismiss } = useOAuthReturn();

  useEffect(() => {
    if (listed.data) setItems(listed.data);
  }, [listed.data]);

  const plugins = useMemo(() => (types.data?.plugins ?? []).filter((p): p is ConnectablePlugin => p.connection !== null), [types.data]);
  const upsert = useCallback((view: ConnectionView) => setItems((all) => (all.some((c) => c.id === view.id) ? all.map((c) => (c.id === view.id ? view : c)) : [...all, view])), []);
  const remove = useCallback((id: string) => setItems((all) => all.filter((c) => c.id !== id)), []);

  const loading = (types.loading && !types.data) || (listed.loading && !listed.data);
  const error = types.error ?? listed.error;

  return (
    <div className="page settings-page">
      <PageHeader title="Настройки" description="Подключения к CRM и другим сервисам: правила читают и меняют данные от их имени." />
      {notice && (
        <Callout.Root color={notice.tone === 'ok' ? 'green' : 'red'} variant="surface" mb="4" className="settings-notice fade-in" role={notice.tone === 'error' ? 'alert' : 'status'} data-testid="settings-oauth-notice" data-tone={notice.tone}>
          <Callout.Icon>{notice.tone === 'ok' ? <CheckCircledIcon /> : <ExclamationTriangleIcon />}</Callout.Icon>
          <Callout.Text>{notice.text}</Callout.Text>
          <IconButton size="1" variant="ghost" color="gray" aria-label="Скрыть сообщение" onClick={dismiss} className="settings-notice-close">
            <Cross2Icon />
          </IconButton>
        </Callout.Root>
      )}
      {error && (
        <ErrorCallout
          error={error}
          title="Не удалось загрузить подключения"
          onRetry={() => {
            types.reload();
            listed.reload();
          }}
        />
      )}
      {loading && !error && <LoadingState label="Загружаем подключения…" />}
      {!loading && !error && plugins.length === 0 && (
        <EmptyState icon={<MixerHorizontalIcon />} title="Подключать пока нечего" description="Ни одному из установленных сервисов не нужны учётные данные." />
      )}
      {!loading && !error && (
        <Flex direction="column" gap="6">
          {plugins.map((p) => (
            <PluginSection key={p.id} plugin={p} connections={items.filter((c) => c.plugin === p.id)} focusId={focusId} onChanged={upsert} onRemoved={remove} />
          ))}
        </Flex>
      )}
      <ToastViewport />
    </div>
  );
}
