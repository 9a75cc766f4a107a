import { useCallback, useEffect, useRef, useState } from 'react';
import { Callout, IconButton } from '@radix-ui/themes';
import { CheckCircledIcon, Cross2Icon } from '@radix-ui/react-icons';
import './account-notice.css';

const VISIBLE_MS = 5000;

/** One success notice of the user menu at a time; it hides itself after a few seconds. */
export function useAccountNotice() {
  const [message, setMessage] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const dismiss = useCallback(() => {
    clearTimeout(timer.current);
    setMessage(null);
  }, []);
  const show = useCallback((text: string) => {
    clearTimeout(timer.current);
    setMessage(text);
    timer.current = setTimeout(() => setMessage(null), VISIBLE_MS);
  }, []);
  useEffect(() => () => clearTimeout(timer.current), []);
  return { message, show, dismiss };
}

/**
 * A toast for account actions. The user menu lives on every page, while the rules' toasts are
 * drawn only by the rules pages, so it shows its own.
 */
export function AccountNotice({ message, onDismiss }: { message: string | null; onDismiss: () => void }) {
  return (
    <div className="account-notice-viewport" role="status" aria-live="polite">
      {message ? (
        <Callout.Root color="green" variant="surface" className="account-notice" data-testid="account-notice">
          <Callout.Icon>
            <CheckCircledIcon />
          </Callout.Icon>
          <Callout.Text>{message}</Callout.Text>
          <IconButton size="1" variant="ghost" color="gray" aria-label="Закрыть уведомление" onClick={onDismiss} className="account-notice-close">
            <Cross2Icon />
          </IconButton>
        </Callout.Root>
      ) : null}
    </div>
  );
}
