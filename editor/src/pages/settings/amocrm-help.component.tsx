import { Flex, Grid, Text } from '@radix-ui/themes';
import { LightningBoltIcon, LockClosedIcon, Link2Icon } from '@radix-ui/react-icons';
import type { ReactNode } from 'react';

function Point({ icon, title, children }: { icon: ReactNode; title: string; children: ReactNode }) {
  return (
    <Flex gap="3" align="start" className="settings-help-point">
      <div className="settings-help-icon">{icon}</div>
      <Flex direction="column" gap="1" style={{ minWidth: 0 }}>
        <Text size="2" weight="medium">
          {title}
        </Text>
        <Text size="2" color="gray">
          {children}
        </Text>
      </Flex>
    </Flex>
  );
}

/**
 * AmoCRM's richer header: the two ways to connect and what the webhook address is for. Text only;
 * the form itself still comes from the plugin's schema like every other section.
 */
export function AmoCrmHelp() {
  return (
    <Grid columns={{ initial: '1', md: '3' }} gap="4" className="settings-help" data-testid="amocrm-help">
      <Point icon={<LockClosedIcon />} title="Долгосрочный токен">
        Самый быстрый способ: в AmoCRM откройте «Настройки» → «Интеграции», создайте внешнюю интеграцию и сгенерируйте долгосрочный токен в «Ключах и доступах». Нужны поддомен и токен.
      </Point>
      <Point icon={<Link2Icon />} title="Вход через OAuth">
        Для интеграций с ключом и секретом: укажите их и адрес перенаправления ниже, затем нажмите «Войти через AmoCRM» и разрешите доступ. Токены обновляются сами.
      </Point>
      <Point icon={<LightningBoltIcon />} title="Адрес для вебхуков">
        У каждого подключения свой адрес. Вручную его вставлять не нужно: когда вы включаете правило с триггером AmoCRM, конструктор сам подписывает этот адрес на нужные события.
      </Point>
    </Grid>
  );
}
