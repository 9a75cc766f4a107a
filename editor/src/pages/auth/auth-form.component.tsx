import type { FormEvent, ReactNode } from 'react';
import { Link as RouterLink } from 'react-router';
import { Button, Flex, Link } from '@radix-ui/themes';
import { ErrorCallout } from '../../components/error-callout.component.tsx';

interface Props {
  onSubmit: (e: FormEvent) => void;
  /** The server's error that belongs to no field. */
  general: unknown;
  pending: boolean;
  submitLabel: string;
  children: ReactNode;
}

/** The fields of a login/registration form, then the general error and the submit button. */
export function AuthForm({ onSubmit, general, pending, submitLabel, children }: Props) {
  return (
    <form onSubmit={onSubmit} noValidate>
      <Flex direction="column" gap="4">
        {children}
        <ErrorCallout error={general} />
        <Button type="submit" size="3" loading={pending} mt="1">
          {submitLabel}
        </Button>
      </Flex>
    </form>
  );
}

/** «Ещё нет аккаунта? Зарегистрируйтесь»: a link to the other auth page that keeps `next`. */
export function AuthSwitch({ question, path, label, next }: { question: string; path: string; label: string; next: string }) {
  const href = next === '/' ? path : `${path}?next=${encodeURIComponent(next)}`;
  return (
    <>
      {question}{' '}
      <Link asChild weight="medium">
        <RouterLink to={href}>{label}</RouterLink>
      </Link>
    </>
  );
}
