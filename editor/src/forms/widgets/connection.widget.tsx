import { useEffect } from 'react';
import { Flex, Link, Select, Text } from '@radix-ui/themes';
import { Link as RouterLink } from 'react-router';
import { fetchConnections } from '../../api/connections.api.ts';
import { useApiData } from '../../hooks/use-api-data.hook.ts';
import { fieldTestId, type WidgetProps } from './widget.types.ts';

const STATUS: Record<string, string> = { ok: 'подключено', error: 'ошибка', unknown: 'не проверено', pending: 'ожидает входа' };
/** Radix Select items cannot have an empty value: «без подключения» travels as this, stored as ''. */
const NONE = '__none__';

/**
 * The tenant's connections of the node's plugin (`x-options.plugin`, set by the server). The only
 * connection is chosen by itself, so a tenant with one account never has to pick, unless the node
 * can run without one (`x-options.optional`): then nothing is chosen for the user.
 */
export function ConnectionWidget({ value, onChange, id, path, invalid, schema }: WidgetProps<string | undefined>) {
  const options = schema['x-options'] as { plugin?: string; optional?: boolean } | undefined;
  const plugin = String(options?.plugin ?? '');
  const optional = Boolean(options?.optional);
  const { data, error, loading } = useApiData((signal) => fetchConnections(plugin, signal), `connections:${plugin}`);
  const items = data ?? [];

  useEffect(() => {
    if (!optional && !value && items.length === 1) onChange(items[0]!.id);
  }, [optional, value, items, onChange]);

  if (error) return <Text color="red" size="2">Не удалось загрузить подключения: {error.message}</Text>;
  if (!loading && items.length === 0 && !value) {
    return (
      <Text size="2" color="gray" data-testid={fieldTestId(path)}>
        {optional ? 'Без подключения. ' : 'Подключений нет. '}
        <Link asChild><RouterLink to="/settings">Добавьте подключение в «Настройках»</RouterLink></Link>
      </Text>
    );
  }
  const missing = Boolean(value) && !loading && !items.some((c) => c.id === value);
  const selected = missing ? undefined : value || (optional ? NONE : undefined);
  return (
    <Flex direction="column" gap="1">
      <Select.Root value={selected} onValueChange={(v) => onChange(v === NONE ? '' : v)} disabled={loading}>
        <Select.Trigger id={id} data-testid={fieldTestId(path)} color={invalid || missing ? 'red' : undefined} placeholder={loading ? 'Загрузка…' : 'Выберите подключение'} />
        <Select.Content position="popper">
          {optional && <Select.Item value={NONE}>Без подключения</Select.Item>}
          {items.map((c) => (
            <Select.Item key={c.id} value={c.id}>
              {c.name} — {STATUS[c.status] ?? c.status}
            </Select.Item>
          ))}
        </Select.Content>
      </Select.Root>
      {missing && <Text size="1" color="red">Выбранное подключение удалено: выберите другое</Text>}
    </Flex>
  );
}
