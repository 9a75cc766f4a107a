import { useEffect, useState } from 'react';
import { useLocation } from 'react-router';
import { Dialog, IconButton, VisuallyHidden } from '@radix-ui/themes';
import { Cross2Icon, HamburgerMenuIcon } from '@radix-ui/react-icons';
import { SidebarContent } from './app-sidebar.layout.tsx';

/**
 * The navigation of narrow screens: the menu button and a sheet from the left edge. A modal dialog
 * underneath, so focus stays inside while it is open, Escape and a tap outside close it, and focus
 * returns to the menu button. Choosing a page closes it.
 */
export function NavDrawer() {
  const [open, setOpen] = useState(false);
  const { pathname } = useLocation();
  useEffect(() => setOpen(false), [pathname]);

  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      <Dialog.Trigger>
        <IconButton size="3" variant="ghost" color="gray" aria-label="Открыть меню" data-testid="nav-menu-button">
          <HamburgerMenuIcon width={20} height={20} />
        </IconButton>
      </Dialog.Trigger>
      <Dialog.Content className="nav-drawer" aria-describedby={undefined} data-testid="nav-drawer">
        <VisuallyHidden>
          <Dialog.Title>Меню</Dialog.Title>
        </VisuallyHidden>
        <Dialog.Close>
          <IconButton size="3" variant="ghost" color="gray" className="nav-drawer-close" aria-label="Закрыть меню">
            <Cross2Icon width={18} height={18} />
          </IconButton>
        </Dialog.Close>
        <SidebarContent onNavigate={() => setOpen(false)} />
      </Dialog.Content>
    </Dialog.Root>
  );
}
