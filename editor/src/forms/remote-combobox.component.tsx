import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { Box, Button, Flex, Popover, ScrollArea, Spinner, Text, TextField } from '@radix-ui/themes';
import { CheckIcon, ChevronDownIcon, MagnifyingGlassIcon, ReloadIcon } from '@radix-ui/react-icons';
import type { OptionItem } from '../api/connections.api.ts';
import type { ApiError } from '../api/client.ts';

interface Props {
  id?: string;
  testId: string;
  value: unknown;
  items: OptionItem[] | undefined;
  loading: boolean;
  error: ApiError | null;
  onRetry: () => void;
  onPick: (item: OptionItem) => void;
  disabled?: boolean;
  /** Shown on the closed control when nothing is chosen. */
  placeholder: string;
  invalid?: boolean;
  label?: string;
}

const isSet = (v: unknown) => v !== undefined && v !== null && v !== '';

/** Options in the order of their groups' first appearance, with the group heading before each run. */
function grouped(items: OptionItem[]): { group: string | undefined; items: OptionItem[] }[] {
  const out: { group: string | undefined; items: OptionItem[] }[] = [];
  for (const item of items) {
    const last = out.find((g) => g.group === item.group);
    if (last) last.items.push(item);
    else out.push({ group: item.group, items: [item] });
  }
  return out;
}

/** Moves focus between the options of the open list with the arrow keys. */
function moveFocus(list: HTMLElement | null, from: Element | null, step: 1 | -1) {
  const options = [...(list?.querySelectorAll<HTMLElement>('[role="option"]') ?? [])];
  if (options.length === 0) return;
  const at = from ? options.indexOf(from as HTMLElement) : -1;
  options[Math.max(0, Math.min(options.length - 1, at + step))]?.focus();
}

/**
 * A searchable single choice from a list the server gives (pipelines, statuses, fields by name):
 * groups, hints, loading and error states. A stored value missing from the list stays visible as
 * «<значение> (нет в справочнике)» instead of silently turning into «не выбрано».
 */
export function RemoteCombobox({ id, testId, value, items, loading, error, onRetry, onPick, disabled, placeholder, invalid, label }: Props) {
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const listRef = useRef<HTMLDivElement>(null);
  const selected = items?.find((o) => String(o.value) === String(value));
  const missing = isSet(value) && items !== undefined && !selected;

  const filtered = useMemo(() => {
    const q = query.trim().toLowerCase();
    const all = items ?? [];
    return q ? all.filter((o) => o.label.toLowerCase().includes(q) || (o.group ?? '').toLowerCase().includes(q) || String(o.value) === q) : all;
  }, [items, query]);

  const pick = (item: OptionItem) => {
    onPick(item);
    setOpen(false);
    setQuery('');
  };
  const onSearchKey = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      moveFocus(listRef.current, null, 1);
    } else if (e.key === 'Enter' && filtered[0]) {
      e.preventDefault();
      pick(filtered[0]);
    }
  };
  const onItemKey = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      moveFocus(listRef.current, e.currentTarget, e.key === 'ArrowDown' ? 1 : -1);
    }
  };

  let shown: string;
  if (selected) shown = selected.label;
  else if (missing) shown = `${String(value)} (нет в справочнике)`;
  else if (isSet(value)) shown = String(value);
  else shown = placeholder;

  return (
    <Flex direction="column" gap="1" style={{ minWidth: 0, flex: 1 }}>
      <Popover.Root open={open} onOpenChange={(o) => !disabled && setOpen(o)}>
        <Popover.Trigger>
          <button
            type="button"
            id={id}
            data-testid={testId}
            aria-label={label}
            aria-haspopup="listbox"
            aria-expanded={open}
            className="remote-select-trigger"
            data-invalid={invalid || missing ? 'true' : undefined}
            data-placeholder={!isSet(value) ? 'true' : undefined}
            data-missing={missing ? 'true' : undefined}
            disabled={disabled}
          >
            <span className="remote-select-value">{shown}</span>
            {loading ? <Spinner size="1" /> : <ChevronDownIcon className="remote-select-chevron" />}
          </button>
        </Popover.Trigger>
        <Popover.Content className="remote-select-content" align="start" side="bottom" sideOffset={4} data-testid={`${testId}-list`}>
          <TextField.Root size="1" placeholder="Поиск" value={query} onChange={(e) => setQuery(e.target.value)} onKeyDown={onSearchKey} autoFocus aria-label="Поиск по списку">
            <TextField.Slot>
              <MagnifyingGlassIcon />
            </TextField.Slot>
          </TextField.Root>
          <ScrollArea type="auto" scrollbars="vertical" style={{ maxHeight: 300, marginTop: 8 }}>
            <div ref={listRef} role="listbox" aria-label={label}>
              {loading && !items && (
                <Flex align="center" gap="2" py="2">
                  <Spinner size="1" />
                  <Text size="1" color="gray">
                    Загрузка списка…
                  </Text>
                </Flex>
              )}
              {items && filtered.length === 0 && (
                <Text as="p" size="1" color="gray" my="2">
                  {items.length === 0 ? 'Список пуст: обновите справочники в «Настройках»' : 'Ничего не найдено'}
                </Text>
              )}
              {grouped(filtered).map((g) => (
                <Box key={g.group ?? ''} mb={g.group ? '2' : '0'}>
                  {g.group && (
                    <Text as="div" size="1" weight="bold" color="gray" className="remote-select-group">
                      {g.group}
                    </Text>
                  )}
                  {g.items.map((o) => {
                    const active = selected === o;
                    return (
                      <button
                        key={String(o.value)}
                        type="button"
                        role="option"
                        aria-selected={active}
                        className="remote-select-item"
                        data-value={String(o.value)}
                        onClick={() => pick(o)}
                        onKeyDown={onItemKey}
                      >
                        <span className="remote-select-check">{active ? <CheckIcon /> : null}</span>
                        <span className="remote-select-label">{o.label}</span>
                        {o.hint && <span className="remote-select-hint">{o.hint}</span>}
                      </button>
                    );
                  })}
                </Box>
              ))}
            </div>
          </ScrollArea>
        </Popover.Content>
      </Popover.Root>
      {error && (
        <Flex align="center" gap="2" className="fade-in">
          <Text size="1" color="red">
            Не удалось загрузить список: {error.message}
          </Text>
          <Button size="1" variant="ghost" color="red" type="button" onClick={onRetry}>
            <ReloadIcon /> Повторить
          </Button>
        </Flex>
      )}
      {missing && !error && (
        <Text size="1" color="amber">
          Значения нет в справочнике подключения: выберите другое или обновите справочники
        </Text>
      )}
    </Flex>
  );
}
