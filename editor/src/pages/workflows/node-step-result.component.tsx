import { Badge, Callout, Flex, Text } from '@radix-ui/themes';
import { ExclamationTriangleIcon } from '@radix-ui/react-icons';
import { JsonViewer } from '../../components/json-viewer.component.tsx';
import { STEP_STATUS_STYLE } from '../../canvas/node-kind.style.ts';
import type { Step } from '../../api/workflows.api.ts';

/** A condition's output is just where it went: `{branch: "false"}` reads «Ветка: Нет». */
function onlyBranch(output: unknown): boolean {
  return Boolean(output && typeof output === 'object' && !Array.isArray(output) && Object.keys(output).every((k) => k === 'branch'));
}

/** The step's last test run: status, error (its code under «Подробности»), branch, output and input. */
export function NodeStepResult({ step, branchTitle }: { step: Step | undefined; branchTitle?: string }) {
  if (!step) {
    return (
      <Text as="p" size="2" color="gray">
        В последнем тестовом запуске этот шаг не выполнялся.
      </Text>
    );
  }
  const s = STEP_STATUS_STYLE[step.status];
  return (
    <Flex direction="column" gap="3" data-testid="step-result" data-status={step.status}>
      <Flex gap="2" align="center" wrap="wrap">
        <Badge color={s.badge} variant="soft">
          {s.title}
        </Badge>
        {step.durationMs != null && (
          <Text size="1" color="gray">
            {step.durationMs} мс
          </Text>
        )}
        {step.branch && (
          <Text size="2" data-testid="step-branch">
            Ветка: {branchTitle ?? 'другая'}
          </Text>
        )}
      </Flex>
      {step.error && (
        <Callout.Root color="red" size="1">
          <Callout.Icon>
            <ExclamationTriangleIcon />
          </Callout.Icon>
          <Callout.Text>{step.error.message}</Callout.Text>
          {step.error.code && (
            <details className="problem-details">
              <summary>Подробности</summary>
              <Text size="1" color="gray" className="problem-code">
                Код ошибки: {step.error.code}
              </Text>
            </details>
          )}
        </Callout.Root>
      )}
      {!onlyBranch(step.output) && (
        <JsonViewer value={step.output} title="Результат" truncated={step.truncated} emptyText="Шаг ничего не вернул" maxHeight={360} />
      )}
      <JsonViewer value={step.input} title="Входные данные" openDepth={1} maxHeight={240} />
    </Flex>
  );
}
