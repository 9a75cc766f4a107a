import { Link } from 'react-router';
import { Button, Flex, Text } from '@radix-ui/themes';
import { usePageTitle } from '../../hooks/use-page-title.hook.ts';
import { EmptyState } from '../../components/empty-state.component.tsx';

/** Russian 404 inside the signed-in area. */
export function NotFoundPage() {
  usePageTitle('Страница не найдена');
  return (
    <Flex className="page" direction="column" align="center" justify="center" style={{ minHeight: '70vh' }}>
      <Text size="9" weight="bold" className="not-found-code" aria-hidden>
        404
      </Text>
      <EmptyState
        title="Страница не найдена"
        description="Такой страницы нет. Возможно, ссылка устарела или в адресе опечатка."
        action={
          <Flex gap="3">
            <Button asChild>
              <Link to="/">На главную</Link>
            </Button>
            <Button asChild variant="soft" color="gray">
              <Link to="/rules">К правилам</Link>
            </Button>
          </Flex>
        }
      />
    </Flex>
  );
}
