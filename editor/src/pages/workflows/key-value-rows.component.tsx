import { Button, Flex, IconButton, Text, TextField } from '@radix-ui/themes';
import { Cross2Icon, PlusIcon } from '@radix-ui/react-icons';

export type Pair = [string, string];

export const toPairs = (record: Record<string, string> | undefined): Pair[] => Object.entries(record ?? {});
export const toRecord = (pairs: Pair[]): Record<string, string> =>
  Object.fromEntries(pairs.filter(([k]) => k.trim() !== '').map(([k, v]) => [k.trim(), v]));

interface Props {
  pairs: Pair[];
  onChange: (pairs: Pair[]) => void;
  keyLabel: string;
  keyPlaceholder: string;
  valuePlaceholder: string;
  addLabel: string;
  empty: string;
  testId: string;
}

/** Name — value rows of the test run (headers, address parameters). */
export function KeyValueRows({ pairs, onChange, keyLabel, keyPlaceholder, valuePlaceholder, addLabel, empty, testId }: Props) {
  const set = (i: number, pair: Pair) => onChange(pairs.map((p, j) => (j === i ? pair : p)));
  return (
    <Flex direction="column" gap="2" data-testid={testId}>
      {pairs.length === 0 && (
        <Text size="2" color="gray">
          {empty}
        </Text>
      )}
      {pairs.map(([k, v], i) => (
        <Flex key={i} gap="2" align="center">
          <TextField.Root
            className="mono-input"
            style={{ flex: '0 0 40%' }}
            value={k}
            placeholder={keyPlaceholder}
            aria-label={`${keyLabel} ${i + 1}`}
            onChange={(e) => set(i, [e.target.value, v])}
            data-testid={`${testId}-key-${i}`}
          />
          <TextField.Root
            className="mono-input"
            style={{ flex: 1 }}
            value={v}
            placeholder={valuePlaceholder}
            aria-label={`Значение ${i + 1}`}
            onChange={(e) => set(i, [k, e.target.value])}
            data-testid={`${testId}-value-${i}`}
          />
          <IconButton size="1" variant="ghost" color="gray" aria-label="Удалить строку" onClick={() => onChange(pairs.filter((_, j) => j !== i))}>
            <Cross2Icon />
          </IconButton>
        </Flex>
      ))}
      <Button size="1" variant="soft" color="gray" style={{ alignSelf: 'flex-start' }} onClick={() => onChange([...pairs, ['', '']])} data-testid={`${testId}-add`}>
        <PlusIcon /> {addLabel}
      </Button>
    </Flex>
  );
}
