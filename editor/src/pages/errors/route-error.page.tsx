import { isRouteErrorResponse, useRouteError } from 'react-router';
import { Button, Card, Code, Flex, Heading, Text } from '@radix-ui/themes';
import { usePageTitle } from '../../hooks/use-page-title.hook.ts';
import { ProductLogo } from '../../components/product-logo.component.tsx';
import { isChunkLoadError } from '../../layout/reload-on-new-release.ts';

/** Shown instead of the router's English default when a page crashes. */
export function RouteErrorPage() {
  usePageTitle('Ошибка');
  const error = useRouteError();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  const chunk = isChunkLoadError(error);
  const detail = chunk ? null : error instanceof Error ? error.message : isRouteErrorResponse(error) ? `${error.status}` : null;
  return (
    <Flex align="center" justify="center" style={{ minHeight: '100vh' }} p="4">
      <Card size="4" style={{ maxWidth: 480, width: '100%' }} className="page-enter">
        <Flex direction="column" gap="3" align="start">
          <ProductLogo size={36} />
          <Heading as="h1" size="5">
            {notFound ? 'Страница не найдена' : chunk ? 'Не удалось загрузить страницу' : 'Что-то пошло не так'}
          </Heading>
          <Text size="2" color="gray">
            {notFound
              ? 'Такой страницы нет. Проверьте адрес.'
              : chunk
                ? 'Возможно, вышла новая версия приложения или пропало соединение. Обновите страницу.'
                : 'Страница не смогла отобразиться. Обновите её; если ошибка повторится, сообщите администратору.'}
          </Text>
          {detail && !notFound ? (
            <Code size="1" color="gray" variant="soft" style={{ maxWidth: '100%', overflowWrap: 'anywhere' }}>
              {detail}
            </Code>
          ) : null}
          <Flex gap="3" mt="2">
            <Button onClick={() => window.location.reload()}>Обновить страницу</Button>
            <Button variant="soft" color="gray" onClick={() => window.location.assign('/')}>
              На главную
            </Button>
          </Flex>
        </Flex>
      </Card>
    </Flex>
  );
}
