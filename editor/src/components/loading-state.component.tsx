import { Flex, Spinner, Text } from '@radix-ui/themes';

/** Spinner with «Загрузка…» for the first load of a page or section. */
export function LoadingState({ label = 'Загрузка…', fill = false }: { label?: string; fill?: boolean }) {
  return (
    <Flex align="center" justify="center" gap="2" py="9" style={fill ? { minHeight: '100vh' } : undefined} role="status">
      <Spinner size="2" />
      <Text size="2" color="gray">
        {label}
      </Text>
    </Flex>
  );
}
