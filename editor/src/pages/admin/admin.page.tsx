import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import { Flex, IconButton, Tooltip } from '@radix-ui/themes';
import { ReloadIcon, StackIcon } from '@radix-ui/react-icons';
import { adminApi } from '../../api/admin.api.ts';
import { ListView } from '../../components/list-view.component.tsx';
import { PageHeader } from '../../components/page-header.component.tsx';
import { SearchField } from '../../components/search-field.component.tsx';
import { useApiData } from '../../hooks/use-api-data.hook.ts';
import { usePageTitle } from '../../hooks/use-page-title.hook.ts';
import { useUrlFilters } from '../../hooks/use-url-filters.hook.ts';
import { useAuthStore } from '../../store/auth.store.ts';
import { ToastViewport } from '../workflows/toast-viewport.component.tsx';
import { AdminForbidden } from './admin-forbidden.component.tsx';
import { TenantDrawer } from './tenant-drawer.component.tsx';
import { TenantsTable } from './tenants-table.component.tsx';
import '../workflows/workflows.css';
import './admin.css';

const KEYS = ['q'] as const;

/** «Администрирование»: the platform's tenants, searchable; a row opens the tenant's card. */
export function AdminPage() {
  const role = useAuthStore((s) => s.user?.role);
  usePageTitle(role === 'admin' ? 'Администрирование' : 'Нет доступа');
  if (role !== 'admin') return <AdminForbidden />;
  return <TenantsAdmin />;
}

function TenantsAdmin() {
  const f = useUrlFilters(KEYS);
  const [params, setParams] = useSearchParams();
  const openId = params.get('tenant');
  const list = useApiData((signal) => adminApi.tenants({ q: f.values.q || undefined, limit: f.limit, offset: f.offset }, signal), `admin-tenants?q=${f.values.q}&limit=${f.limit}&offset=${f.offset}`);

  // The open tenant is in the URL too, so the card survives a reload and can be shared.
  const open = useCallback(
    (id: string | null) =>
      setParams((prev) => {
        const next = new URLSearchParams(prev);
        if (id) next.set('tenant', id);
        else next.delete('tenant');
        return next;
      }),
    [setParams],
  );

  return (
    <div className="page page-wide admin-page">
      <PageHeader title="Администрирование" description="Пространства платформы: их пользователи, подключения, запуски и учётные данные LPTracker." />
      <Flex align="center" gap="3" wrap="wrap" mb="4" role="search" aria-label="Поиск пространств">
        <SearchField value={f.values.q} onChange={(q) => f.set({ q })} placeholder="Название пространства или email" ariaLabel="Поиск по названию или email пользователя" width={340} />
        <Tooltip content="Обновить">
          <IconButton variant="soft" color="gray" aria-label="Обновить" onClick={() => list.reload()} disabled={list.loading} ml="auto">
            <ReloadIcon className={list.loading ? 'spin' : undefined} />
          </IconButton>
        </Tooltip>
      </Flex>
      <ListView
        data={list.data}
        loading={list.loading}
        error={list.error}
        errorTitle="Не удалось загрузить пространства"
        onRetry={() => list.reload()}
        offset={f.offset}
        limit={f.limit}
        onPage={f.setPage}
        filtersActive={f.active}
        onResetFilters={f.reset}
        icon={<StackIcon />}
        empty={{ title: 'Пространств пока нет', description: 'Пространство появляется, когда пользователь регистрируется.' }}
        emptyFiltered={{ title: 'Ничего не нашлось', description: 'Нет пространств с таким названием или пользователем с таким email.' }}
      >
        {(items) => <TenantsTable tenants={items} dimmed={list.loading} selectedId={openId} onOpen={open} />}
      </ListView>
      <TenantDrawer tenantId={openId} onClose={() => open(null)} onChanged={() => list.reload({ silent: true })} />
      <ToastViewport />
    </div>
  );
}
