import { useMemo, useState } from 'react';
import { Badge, Box, Flex, IconButton, Popover, ScrollArea, Text, TextField, Tooltip } from '@radix-ui/themes';
import { MagnifyingGlassIcon } from '@radix-ui/react-icons';
import { useFormEnv } from './form-env.context.ts';
import { templateOf } from './field-paths.util.ts';

interface Props {
  onPick: (template: string) => void;
  testId?: string;
}

/** The `{…}` button next to a template field: lists upstream fields and inserts `{{path}}`. */
export function TemplatePicker({ onPick, testId }: Props) {
  const { fieldPaths } = useFormEnv();
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const groups = useMemo(() => {
    const q = query.trim().toLowerCase();
    return fieldPaths
      .map((g) => ({ ...g, paths: q ? g.paths.filter((p) => p.path.toLowerCase().includes(q)) : g.paths }))
      .filter((g) => g.paths.length > 0);
  }, [fieldPaths, query]);

  return (
    <Popover.Root open={open} onOpenChange={setOpen}>
      <Tooltip content="Вставить поле из предыдущих шагов">
        <Popover.Trigger>
          <IconButton size="1" variant="soft" aria-label="Вставить поле из предыдущих шагов" data-testid={testId} type="button">
            <span className="template-picker-icon">{'{ }'}</span>
          </IconButton>
        </Popover.Trigger>
      </Tooltip>
      <Popover.Content width="360px" side="bottom" align="end" className="template-picker">
        <TextField.Root size="1" placeholder="Поиск поля" value={query} onChange={(e) => setQuery(e.target.value)} autoFocus>
          <TextField.Slot>
            <MagnifyingGlassIcon />
          </TextField.Slot>
        </TextField.Root>
        <ScrollArea type="auto" scrollbars="vertical" style={{ maxHeight: 320, marginTop: 8 }}>
          {fieldPaths.length === 0 && (
            <Text as="p" size="1" color="gray" my="2">
              Нет данных из предыдущих шагов. Соедините узел с триггером или выполните тестовый запуск.
            </Text>
          )}
          {fieldPaths.length > 0 && groups.length === 0 && (
            <Text as="p" size="1" color="gray" my="2">
              Ничего не найдено
            </Text>
          )}
          {groups.map((g) => (
            <Box key={g.ref} mb="2">
              <Flex align="center" gap="2" py="1">
                <Text size="1" weight="bold">
                  {g.title}
                </Text>
                <Badge size="1" color={g.source === 'test' ? 'green' : 'gray'} variant="soft">
                  {g.source === 'test' ? 'из теста' : 'пример'}
                </Badge>
              </Flex>
              {g.paths.map((p) => (
                <button
                  key={p.path}
                  type="button"
                  className="template-picker-item"
                  data-testid={`template-path-${p.path}`}
                  onClick={() => {
                    onPick(templateOf(p.path));
                    setOpen(false);
                  }}
                >
                  <span className="template-picker-path">{p.path}</span>
                  <span className="template-picker-preview">{p.preview}</span>
                </button>
              ))}
            </Box>
          ))}
        </ScrollArea>
      </Popover.Content>
    </Popover.Root>
  );
}
