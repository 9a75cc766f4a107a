import type { ReactNode } from 'react';
import { Flex, Heading, Text } from '@radix-ui/themes';

/** One block of the tenant card: a heading with its actions on the right, an optional hint, the content. */
export function AdminSection({ title, hint, actions, children, testId }: { title: string; hint?: ReactNode; actions?: ReactNode; children: ReactNode; testId?: string }) {
  return (
    <section className="admin-section" data-testid={testId} aria-label={title}>
      <Flex align="center" justify="between" gap="3" mb={hint ? '1' : '3'} wrap="wrap">
        <Heading as="h3" size="3">
          {title}
        </Heading>
        {actions && (
          <Flex gap="2" wrap="wrap" justify="end">
            {actions}
          </Flex>
        )}
      </Flex>
      {hint && (
        <Text as="p" size="1" color="gray" mb="3">
          {hint}
        </Text>
      )}
      {children}
    </section>
  );
}
