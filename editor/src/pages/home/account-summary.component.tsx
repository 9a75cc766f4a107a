import { Badge, Card, DataList, Flex, Heading } from '@radix-ui/themes';
import type { Me } from '../../api/auth.api.ts';
import { ROLE_LABELS } from '../../store/auth.store.ts';

/** What `GET /api/auth/me` says about the account. */
export function AccountSummary({ user }: { user: Me }) {
  return (
    <Card size="3" className="home-card">
      <Flex direction="column" gap="4">
        <Heading as="h2" size="3">
          Аккаунт
        </Heading>
        <DataList.Root size="2">
          <DataList.Item>
            <DataList.Label minWidth="150px">Рабочее пространство</DataList.Label>
            <DataList.Value>{user.tenant.name}</DataList.Value>
          </DataList.Item>
          <DataList.Item>
            <DataList.Label minWidth="150px">Имя</DataList.Label>
            <DataList.Value>{user.name || '—'}</DataList.Value>
          </DataList.Item>
          <DataList.Item>
            <DataList.Label minWidth="150px">Электронная почта</DataList.Label>
            <DataList.Value>{user.email}</DataList.Value>
          </DataList.Item>
          <DataList.Item align="center">
            <DataList.Label minWidth="150px">Роль</DataList.Label>
            <DataList.Value>
              <Badge color={user.role === 'admin' ? 'violet' : 'gray'} variant="soft">
                {ROLE_LABELS[user.role] ?? user.role}
              </Badge>
            </DataList.Value>
          </DataList.Item>
        </DataList.Root>
      </Flex>
    </Card>
  );
}
