import { Callout, IconButton } from '@radix-ui/themes';
import { CheckCircledIcon, Cross2Icon, ExclamationTriangleIcon, InfoCircledIcon } from '@radix-ui/react-icons';
import { useToastStore, type ToastTone } from '../../store/editor-toast.store.ts';

const TONES: Record<ToastTone, { color: 'violet' | 'green' | 'red' | 'amber'; Icon: typeof InfoCircledIcon }> = {
  info: { color: 'violet', Icon: InfoCircledIcon },
  success: { color: 'green', Icon: CheckCircledIcon },
  error: { color: 'red', Icon: ExclamationTriangleIcon },
  warning: { color: 'amber', Icon: ExclamationTriangleIcon },
};

export function ToastViewport() {
  const toasts = useToastStore((s) => s.toasts);
  const dismiss = useToastStore((s) => s.dismiss);
  return (
    <div className="toast-viewport" role="status" aria-live="polite">
      {toasts.map((t) => {
        const { color, Icon } = TONES[t.tone];
        return (
          <Callout.Root key={t.id} color={color} variant="surface" className="toast" data-testid={`toast-${t.tone}`}>
            <Callout.Icon>
              <Icon />
            </Callout.Icon>
            <Callout.Text>{t.message}</Callout.Text>
            <IconButton size="1" variant="ghost" color="gray" aria-label="Закрыть уведомление" onClick={() => dismiss(t.id)} className="toast-close">
              <Cross2Icon />
            </IconButton>
          </Callout.Root>
        );
      })}
    </div>
  );
}
