import type { ReactNode } from 'react';
import { Card, Flex, Heading, Text } from '@radix-ui/themes';
import { ProductLogo } from '../components/product-logo.component.tsx';

interface Props {
  title: string;
  subtitle: string;
  children: ReactNode;
  footer: ReactNode;
}

/** Centred card of the login and registration pages. */
export function AuthCard({ title, subtitle, children, footer }: Props) {
  return (
    <main className="auth-screen">
      <div className="auth-glow" aria-hidden />
      <Flex direction="column" align="center" gap="5" className="auth-column page-enter">
        <Flex align="center" gap="3">
          <ProductLogo size={40} />
          <Flex direction="column">
            <Text size="4" weight="bold">
              Конструктор интеграций
            </Text>
            <Text size="1" color="gray">
              Автоматизация продаж для AmoCRM и LPTracker
            </Text>
          </Flex>
        </Flex>
        <Card size="4" className="auth-card">
          <Flex direction="column" gap="1" mb="5">
            <Heading as="h1" size="5">
              {title}
            </Heading>
            <Text size="2" color="gray">
              {subtitle}
            </Text>
          </Flex>
          {children}
        </Card>
        <Text size="2" color="gray" align="center">
          {footer}
        </Text>
      </Flex>
    </main>
  );
}

/** The `next` query parameter, if it points inside this app (never to another site or back to auth). */
export function safeNext(raw: string | null): string {
  if (!raw || !raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\')) return '/';
  if (raw.startsWith('/login') || raw.startsWith('/register')) return '/';
  return raw;
}
