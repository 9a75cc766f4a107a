import { Button, Callout, Flex } from '@radix-ui/themes';
import { ExclamationTriangleIcon, ReloadIcon } from '@radix-ui/react-icons';
import { ApiError } from '../api/client.ts';

interface Props {
  error: unknown;
  /** Shown before the server's message, e.g. «Не удалось загрузить запуски». */
  title?: string;
  onRetry?: () => void;
}

export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return 'Непредвиденная ошибка. Обновите страницу.';
}

/** A red callout with the server's Russian message and an optional «Повторить». */
export function ErrorCallout({ error, title, onRetry }: Props) {
  if (!error) return null;
  const message = errorMessage(error);
  return (
    <Callout.Root color="red" variant="surface" role="alert" className="fade-in">
      <Callout.Icon>
        <ExclamationTriangleIcon />
      </Callout.Icon>
      <Flex align="center" justify="between" gap="3" wrap="wrap" style={{ width: '100%' }}>
        <Callout.Text>
          {title ? <strong>{title}. </strong> : null}
          {message}
        </Callout.Text>
        {onRetry ? (
          <Button size="1" variant="soft" color="red" onClick={onRetry}>
            <ReloadIcon /> Повторить
          </Button>
        ) : null}
      </Flex>
    </Callout.Root>
  );
}
