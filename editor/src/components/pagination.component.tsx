import { Flex, IconButton, Text } from '@radix-ui/themes';
import { ChevronLeftIcon, ChevronRightIcon } from '@radix-ui/react-icons';
import { PageSizeSelect } from './page-size.select.tsx';
import { formatNumber } from './date-format.util.ts';

interface Props {
  total: number;
  offset: number;
  limit: number;
  onChange: (offset: number, limit: number) => void;
  disabled?: boolean;
}

/** «1–50 из 234», page size and previous/next buttons. Hidden when the list is empty. */
export function Pagination({ total, offset, limit, onChange, disabled }: Props) {
  if (total <= 0) return null;
  const from = Math.min(offset + 1, total);
  const to = Math.min(offset + limit, total);
  const page = Math.floor(offset / limit) + 1;
  const pages = Math.max(1, Math.ceil(total / limit));
  return (
    <Flex align="center" justify="between" gap="3" wrap="wrap" py="3">
      <Text size="2" color="gray">
        Показано {formatNumber(from)}–{formatNumber(to)} из {formatNumber(total)}
      </Text>
      <Flex align="center" gap="3">
        <PageSizeSelect limit={limit} onLimit={(n) => onChange(0, n)} disabled={disabled} />
        <Text size="2" color="gray">
          Страница {formatNumber(page)} из {formatNumber(pages)}
        </Text>
        <Flex gap="1">
          <IconButton
            size="1"
            variant="soft"
            color="gray"
            aria-label="Предыдущая страница"
            disabled={disabled || offset <= 0}
            onClick={() => onChange(Math.max(0, offset - limit), limit)}
          >
            <ChevronLeftIcon />
          </IconButton>
          <IconButton
            size="1"
            variant="soft"
            color="gray"
            aria-label="Следующая страница"
            disabled={disabled || offset + limit >= total}
            onClick={() => onChange(offset + limit, limit)}
          >
            <ChevronRightIcon />
          </IconButton>
        </Flex>
      </Flex>
    </Flex>
  );
}
