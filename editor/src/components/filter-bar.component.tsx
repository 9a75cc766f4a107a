import type { ReactNode } from 'react';
import { Button, Flex, IconButton, Tooltip } from '@radix-ui/themes';
import { Cross2Icon, ReloadIcon } from '@radix-ui/react-icons';

interface Props {
  children: ReactNode;
  /** Some filter is set: offer «Сбросить». */
  active: boolean;
  onReset: () => void;
  onRefresh: () => void;
  refreshing: boolean;
}

/** A row of list filters with «Сбросить фильтры» and «Обновить». */
export function FilterBar({ children, active, onReset, onRefresh, refreshing }: Props) {
  return (
    <Flex align="center" gap="3" wrap="wrap" mb="4" className="filter-bar" role="search" aria-label="Фильтры">
      {children}
      {active ? (
        <Button variant="ghost" color="gray" onClick={onReset} className="fade-in">
          <Cross2Icon /> Сбросить
        </Button>
      ) : null}
      <Tooltip content="Обновить">
        <IconButton variant="soft" color="gray" aria-label="Обновить" onClick={onRefresh} disabled={refreshing} ml="auto">
          <ReloadIcon className={refreshing ? 'spin' : undefined} />
        </IconButton>
      </Tooltip>
    </Flex>
  );
}
