import { Flex, Text, TextField } from '@radix-ui/themes';

interface Props {
  /** `datetime-local` values ('' when not set). */
  from: string;
  to: string;
  onChange: (patch: { from?: string; to?: string }) => void;
}

/** «Период: с … по …» with native date-time pickers (dark via color-scheme). */
export function PeriodFilter({ from, to, onChange }: Props) {
  return (
    <Flex align="center" gap="2">
      <Text size="2" color="gray">
        с
      </Text>
      <TextField.Root
        type="datetime-local"
        value={from}
        max={to || undefined}
        aria-label="Начало периода"
        onChange={(e) => onChange({ from: e.target.value })}
        className="date-input"
      />
      <Text size="2" color="gray">
        по
      </Text>
      <TextField.Root
        type="datetime-local"
        value={to}
        min={from || undefined}
        aria-label="Конец периода"
        onChange={(e) => onChange({ to: e.target.value })}
        className="date-input"
      />
    </Flex>
  );
}
