import { Callout } from '@radix-ui/themes';
import { LockClosedIcon } from '@radix-ui/react-icons';
import type { Me } from '../api/auth.api.ts';
import './tenant-blocked.banner.css';

/**
 * Over every page while a platform admin keeps the tenant blocked: the users can still sign in
 * and look around, and learn why their rules have stopped.
 */
export function TenantBlockedBanner({ blocked }: { blocked: NonNullable<Me['blocked']> }) {
  return (
    <Callout.Root color="red" variant="surface" role="alert" className="tenant-blocked-banner fade-in" data-testid="tenant-blocked-banner">
      <Callout.Icon>
        <LockClosedIcon />
      </Callout.Icon>
      <Callout.Text>
        <strong>Пространство заблокировано администратором: {blocked.reason || 'причина не указана'}.</strong> Вебхуки не принимаются, правила
        не выполняются; всё, что ждёт, продолжится после разблокировки.
      </Callout.Text>
    </Callout.Root>
  );
}
