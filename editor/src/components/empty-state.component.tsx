import type { ReactNode } from 'react';
import { Flex, Heading, Text } from '@radix-ui/themes';

interface Props {
  icon?: ReactNode;
  title: string;
  description?: ReactNode;
  action?: ReactNode;
}

/** A calm centred message for empty lists and results. */
export function EmptyState({ icon, title, description, action }: Props) {
  return (
    <Flex direction="column" align="center" justify="center" gap="2" py="9" px="4" className="empty-state fade-in">
      {icon ? <div className="empty-state-icon">{icon}</div> : null}
      <Heading as="h3" size="3" weight="medium" align="center">
        {title}
      </Heading>
      {description ? (
        <Text as="p" size="2" color="gray" align="center" style={{ maxWidth: 420 }}>
          {description}
        </Text>
      ) : null}
      {action ? <Flex mt="2">{action}</Flex> : null}
    </Flex>
  );
}
