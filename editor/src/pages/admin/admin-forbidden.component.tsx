import { Link } from 'react-router';
import { Button, Flex, Text } from '@radix-ui/themes';
import { LockClosedIcon } from '@radix-ui/react-icons';
import { EmptyState } from '../../components/empty-state.component.tsx';

/** What a member sees at /admin: a polite refusal, not an error. */
export function AdminForbidden() {
  return (
    <Flex className="page" direction="column" align="center" justify="center" style={{ minHeight: '70vh' }} data-testid="admin-forbidden">
      <Text size="9" weight="bold" className="not-found-code" aria-hidden>
        403
      </Text>
      <EmptyState
        icon={<LockClosedIcon />}
        title="Раздел только для администраторов платформы"
        description="Здесь настраивают пространства и учётные данные LPTracker. Если вам нужен доступ, обратитесь к администратору платформы."
        action={
          <Button asChild>
            <Link to="/">На главную</Link>
          </Button>
        }
      />
    </Flex>
  );
}
