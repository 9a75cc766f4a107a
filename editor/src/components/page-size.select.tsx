import { Flex, Select, Text } from '@radix-ui/themes';
import { PAGE_SIZES } from '../hooks/use-url-filters.hook.ts';

/** «На странице: 25 / 50 / 100», the same in every paged list. */
export function PageSizeSelect({ limit, onLimit, disabled }: { limit: number; onLimit: (limit: number) => void; disabled?: boolean }) {
  return (
    <Flex align="center" gap="2">
      <Text size="2" color="gray">
        На странице
      </Text>
      <Select.Root size="1" value={String(limit)} onValueChange={(v) => onLimit(Number(v))} disabled={disabled}>
        <Select.Trigger aria-label="Записей на странице" />
        <Select.Content>
          {PAGE_SIZES.map((n) => (
            <Select.Item key={n} value={String(n)}>
              {n}
            </Select.Item>
          ))}
        </Select.Content>
      </Select.Root>
    </Flex>
  );
}
