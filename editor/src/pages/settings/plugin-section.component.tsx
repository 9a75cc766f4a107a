import { useState } from 'react';
import { Button, Code, Flex, Heading, Text } from '@radix-ui/themes';
import { Link2Icon, PlusIcon } from '@radix-ui/react-icons';
import type { ConnectionView } from '../../api/connections.api.ts';
import { connectionsApi } from '../../api/connections.api.ts';
import type { PluginInfo } from '../../api/node-types.api.ts';
import { ConfirmDialog } from '../../components/confirm-dialog.component.tsx';
import { CopyButton } from '../../components/copy-button.component.tsx';
import { toast } from '../../store/editor-toast.store.ts';
import { forgetRemoteOptions } from '../../forms/widgets/use-remote-options.hook.ts';
import { AmoCrmHelp } from './amocrm-help.component.tsx';
import { ConnectionCard } from './connection-card.component.tsx';
import { ConnectionDialog, type ConnectionDialogMode } from './connection.dialog.tsx';

export type ConnectablePlugin = PluginInfo & { connection: NonNullable<PluginInfo['connection']> };

interface Props {
  plugin: ConnectablePlugin;
  connections: ConnectionView[];
  /** The connection the page was opened for (back from OAuth): highlighted. */
  focusId: string | null;
  onChanged: (view: ConnectionView) => void;
  onRemoved: (id: string) => void;
}

/** The address the service sends the user back to after OAuth consent (the integration's settings need it). */
const oauthRedirectUri = () => `${window.location.origin}/api/oauth/callback`;

/** The connection the user came back to (from OAuth) may be far down the page. */
const scrollIntoView = (el: HTMLDivElement | null) => el?.scrollIntoView({ block: 'center', behavior: 'smooth' });

/** A name not taken yet: «AmoCRM», «AmoCRM 2»… */
function freeName(base: string, taken: ConnectionView[]): string {
  const names = new Set(taken.map((c) => c.name));
  if (!names.has(base)) return base;
  for (let i = 2; ; i++) if (!names.has(`${base} ${i}`)) return `${base} ${i}`;
}

/** One plugin in «Настройки»: its connections as cards, «Добавить подключение», the dialogs. */
export function PluginSection({ plugin, connections, focusId, onChanged, onRemoved }: Props) {
  const [dialog, setDialog] = useState<ConnectionDialogMode | null>(null);
  const [deleting, setDeleting] = useState<ConnectionView | null>(null);
  const canAdd = !plugin.connection.adminBound;

  return (
    <section className="settings-section fade-in" data-testid={`settings-plugin-${plugin.id}`} aria-labelledby={`plugin-${plugin.id}-title`}>
      <Flex align="start" justify="between" gap="4" wrap="wrap" mb="3">
        {/* Grows from 260 px: on a phone the button goes under the text instead of squeezing it. */}
        <Flex direction="column" gap="1" style={{ minWidth: 0, flex: '1 1 260px' }}>
          <Heading as="h2" size="4" id={`plugin-${plugin.id}-title`}>
            {plugin.title}
          </Heading>
          {plugin.description && (
            <Text size="2" color="gray">
              {plugin.description}
            </Text>
          )}
        </Flex>
        {canAdd && (
          <Button onClick={() => setDialog({ kind: 'create' })} data-testid={`settings-add-${plugin.id}`}>
            <PlusIcon /> Добавить подключение
          </Button>
        )}
      </Flex>

      {plugin.id === 'amocrm' && <AmoCrmHelp />}
      {plugin.connection.oauth && canAdd && (
        <Flex align="center" gap="2" mb="3" wrap="wrap" className="settings-redirect">
          <Link2Icon color="var(--gray-10)" />
          <Text size="2" color="gray">
            Адрес перенаправления для входа через OAuth:
          </Text>
          <Code size="2" variant="soft" color="gray" data-testid={`settings-redirect-${plugin.id}`}>
            {oauthRedirectUri()}
          </Code>
          <CopyButton text={oauthRedirectUri()} label="Скопировать адрес перенаправления" />
        </Flex>
      )}

      {connections.length === 0 ? (
        <Flex align="center" justify="center" gap="2" py="5" className="settings-empty" data-testid={`settings-empty-${plugin.id}`}>
          <Link2Icon color="var(--gray-9)" />
          <Text size="2" color="gray">
            {canAdd ? 'Подключений пока нет — добавьте первое' : 'Подключений пока нет: их добавляет администратор платформы'}
          </Text>
        </Flex>
      ) : (
        <Flex direction="column" gap="3">
          {connections.map((c) => (
            <div key={c.id} className={c.id === focusId ? 'connection-focus' : undefined} ref={c.id === focusId ? scrollIntoView : undefined}>
              <ConnectionCard
                connection={c}
                plugin={plugin}
                onChanged={onChanged}
                onEdit={() => setDialog({ kind: 'edit', connection: c })}
                onDelete={() => setDeleting(c)}
              />
            </div>
          ))}
        </Flex>
      )}

      <ConnectionDialog plugin={plugin} mode={dialog} defaultName={freeName(plugin.title, connections)} onClose={() => setDialog(null)} onSaved={onChanged} />
      <ConfirmDialog
        open={deleting !== null}
        onOpenChange={(open) => !open && setDeleting(null)}
        title="Удалить подключение?"
        description={
          <>
            Подключение «{deleting?.name}» будет удалено вместе с сохранёнными учётными данными и справочниками. Правила, которые его используют, перестанут
            работать, пока в них не выбрано другое подключение.
          </>
        }
        confirmLabel="Удалить"
        color="red"
        onConfirm={async () => {
          if (!deleting) return;
          await connectionsApi.remove(deleting.id);
          forgetRemoteOptions(deleting.id);
          onRemoved(deleting.id);
          toast.success(`Подключение «${deleting.name}» удалено`);
        }}
      />
    </section>
  );
}
