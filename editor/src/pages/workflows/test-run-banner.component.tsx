import { Badge, Flex, IconButton, Text, Tooltip } from '@radix-ui/themes';
import { Cross2Icon } from '@radix-ui/react-icons';
import { RUN_STATUS } from '../../components/status-labels.constants.ts';
import { useEditor } from '../../store/editor-store.context.tsx';

/** Summary of the last test run over the canvas, with «сбросить». */
export function TestRunBanner() {
  const result = useEditor((s) => s.testRun);
  const setTestRun = useEditor((s) => s.setTestRun);
  if (!result) return null;
  const status = RUN_STATUS[result.status] ?? RUN_STATUS.succeeded;
  const failed = result.steps.filter((s) => s.status === 'failed').length;
  return (
    <Flex className="test-run-banner" align="center" gap="2" data-testid="test-run-banner" data-status={result.status}>
      <Text size="2" weight="medium">
        Тестовый запуск
      </Text>
      <Badge color={status.color} variant="soft">
        {status.label}
      </Badge>
      <Text size="1" color="gray">
        Шагов: {result.steps.length}
        {failed ? `, с ошибкой: ${failed}` : ''}
      </Text>
      <Tooltip content="Скрыть результаты теста. Результат узла — во вкладке «Результат теста» справа">
        <IconButton size="1" variant="ghost" color="gray" aria-label="Скрыть результаты теста" onClick={() => setTestRun(null)} data-testid="test-run-clear">
          <Cross2Icon />
        </IconButton>
      </Tooltip>
    </Flex>
  );
}
