import { Button, Flex, Text } from '@radix-ui/themes';
import { ChevronLeftIcon, ChevronRightIcon } from '@radix-ui/react-icons';
import { PageSizeSelect } from './page-size.select.tsx';
import { formatNumber } from './date-format.util.ts';
import { pageNumbers, rangeText, totalText, type PagePosition } from './cursor-paging.util.ts';

interface Props {
  position: PagePosition;
  limit: number;
  /** Rows on this page. */
  count: number;
  total: number;
  totalCapped?: boolean;
  /** The server gave a cursor to the page after. */
  hasNext: boolean;
  disabled?: boolean;
  onNext: () => void;
  onPrevious: () => void;
  onPage: (page: number) => void;
  onLimit: (limit: number) => void;
}

/**
 * Pages of a history list that may hold millions of rows: «Далее»/«Назад» walk by cursor (as fast
 * on page 5 000 as on page 1), numbers open pages within the first 10 000 rows, the total says
 * «более 10 000» past the count's cap.
 */
export function CursorPagination({ position, limit, count, total, totalCapped, hasNext, disabled, onNext, onPrevious, onPage, onLimit }: Props) {
  if (total <= 0 && count === 0) return null;
  const numbers = pageNumbers(position.page, total, totalCapped, limit);
  const beyond = !numbers.includes(position.page);
  return (
    <Flex align="center" justify="between" gap="3" wrap="wrap" py="3" className="cursor-pagination" data-testid="pagination">
      <Text size="2" color="gray" data-testid="pagination-summary">
        Записи {rangeText(position, limit, count)} · Всего: {totalText(total, totalCapped)}
      </Text>
      <Flex align="center" gap="3" wrap="wrap">
        <nav aria-label="Страницы">
          <Flex align="center" gap="1" wrap="wrap">
            <Button size="1" variant="soft" color="gray" disabled={disabled || position.page <= 1} onClick={onPrevious}>
              <ChevronLeftIcon /> Назад
            </Button>
            {numbers.map((n, i) =>
              n === null ? (
                <Text key={`gap-${i}`} size="1" color="gray" className="pagination-gap" aria-hidden>
                  …
                </Text>
              ) : (
                <Button
                  key={n}
                  size="1"
                  variant={n === position.page ? 'solid' : 'ghost'}
                  color={n === position.page ? undefined : 'gray'}
                  className="pagination-number"
                  aria-label={`Страница ${formatNumber(n)}`}
                  aria-current={n === position.page ? 'page' : undefined}
                  disabled={disabled}
                  onClick={() => (n === position.page ? undefined : onPage(n))}
                >
                  {formatNumber(n)}
                </Button>
              ),
            )}
            {beyond ? (
              <Text size="1" weight="medium" className="pagination-current" aria-current="page">
                … страница {formatNumber(position.page)}
              </Text>
            ) : null}
            <Button size="1" variant="soft" color="gray" disabled={disabled || !hasNext} onClick={onNext}>
              Далее <ChevronRightIcon />
            </Button>
          </Flex>
        </nav>
        <PageSizeSelect limit={limit} onLimit={onLimit} disabled={disabled} />
      </Flex>
    </Flex>
  );
}
