import { Callout, IconButton } from '@radix-ui/themes';
import { CheckCircledIcon, Cross2Icon, ExclamationTriangleIcon, InfoCircledIcon } from '@radix-ui/react-icons';
import { useToastStore, type ToastTone } from '../../store/editor-toast.store.ts';

const TONES: Record<ToastTone, { color: 'violet' | 'green' | 'red' | 'amber'; Icon: typeof InfoCircledIcon }> = {
  info: { color: 'violet', Icon: InfoCircledIcon },
  success: { color: 'green', Icon: CheckCircledIcon },
  error: { color: 'red', Icon: ExclamationTriangleIcon },
  warning: { color: 'amber', Icon: ExclamationTriangleIcon },
};

/**
 * The one notice of the page. `inline`: a compact line inside the editor's status bar, so it never
 * covers the canvas or the inspector; otherwise fixed at the top right of the page.
 */
export function ToastViewport({ inline = false }: { inline?: boolean }) {
  const toasts = useToastStore((s) => s.toasts);
  const dismiss = useToastStore((s) => s.dismiss);
  return (
    <div className={inline ? 'toast-viewport inline' : 'toast-viewport'} role="status" aria-live="polite" data-testid="toast-viewport">
      {toasts.map((t) => {
        const { color, Icon } = TONES[t.tone];
        return (
          <Callout.Root key={t.id} color={color} variant="surface" size="1" className="toast" data-testid={`toast-${t.tone}`} title={inline ? t.message : undefined}>
            <Callout.Icon>
              <Icon />
            </Callout.Icon>
            <Callout.Text className="toast-text">{t.message}</Callout.Text>
            <IconButton size="1" variant="ghost" color="gray" aria-label="Закрыть уведомление" onClick={() => dismiss(t.id)} className="toast-close">
              <Cross2Icon />
            </IconButton>
          </Callout.Root>
        );
      })}
    </div>
  );
}
