import type { ReactNode } from 'react';
import { Flex, Heading, Text } from '@radix-ui/themes';

interface Props {
  title: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
  /** Above the title: a back link or breadcrumbs. */
  before?: ReactNode;
}

export function PageHeader({ title, description, actions, before }: Props) {
  return (
    <Flex direction="column" gap="2" mb="5">
      {before}
      <Flex align="start" justify="between" gap="4" wrap="wrap">
        <Flex direction="column" gap="1" style={{ minWidth: 0 }}>
          <Heading as="h1" size="6" weight="bold">
            {title}
          </Heading>
          {description ? (
            <Text as="p" size="2" color="gray">
              {description}
            </Text>
          ) : null}
        </Flex>
        {actions ? (
          <Flex gap="2" align="center" wrap="wrap">
            {actions}
          </Flex>
        ) : null}
      </Flex>
    </Flex>
  );
}
