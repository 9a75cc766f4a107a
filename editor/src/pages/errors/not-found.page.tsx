import { Link } from 'react-router';
import { Button, Flex, Heading, Text } from '@radix-ui/themes';
import { usePageTitle } from '../../hooks/use-page-title.hook.ts';

/** Russian 404 inside the signed-in area. */
export function NotFoundPage() {
  usePageTitle('Страница не найдена');
  return (
    <Flex className="page" direction="column" align="center" justify="center" gap="2" style={{ minHeight: '70vh' }}>
      <Text size="9" weight="bold" className="not-found-code" aria-hidden>
        404
      </Text>
      <Heading as="h1" size="5" weight="medium" align="center" mt="4">
        Страница не найдена
      </Heading>
      <Text as="p" size="2" color="gray" align="center" style={{ maxWidth: 420 }}>
        Такой страницы нет. Возможно, ссылка устарела или в адресе опечатка.
      </Text>
      <Flex gap="3" mt="3" wrap="wrap" justify="center">
        <Button asChild>
          <Link to="/">На главную</Link>
        </Button>
        <Button asChild variant="soft" color="gray">
          <Link to="/rules">К правилам</Link>
        </Button>
      </Flex>
    </Flex>
  );
}
