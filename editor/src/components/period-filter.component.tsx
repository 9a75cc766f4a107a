import { useState } from 'react';
import { Button, Flex, Popover, Separator, Text, TextField } from '@radix-ui/themes';
import { CalendarIcon, CheckIcon } from '@radix-ui/react-icons';
import { PERIOD_PRESETS, localToRu, periodLabel, ruToLocal, type PeriodValue } from './period.util.ts';

interface Props {
  value: PeriodValue;
  onChange: (next: PeriodValue) => void;
}

const EMPTY: PeriodValue = { period: '', from: '', to: '' };

/** «Период»: presets or a custom range typed as «дд.мм.гггг чч:мм» (no browser-locale date pickers). */
export function PeriodFilter({ value, onChange }: Props) {
  const [open, setOpen] = useState(false);
  const [fromText, setFromText] = useState('');
  const [toText, setToText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const isSet = Boolean(value.period || value.from || value.to);

  const openChange = (next: boolean) => {
    if (next) {
      setFromText(localToRu(value.from));
      setToText(localToRu(value.to));
      setError(null);
    }
    setOpen(next);
  };

  const pick = (next: PeriodValue) => {
    onChange(next);
    setOpen(false);
  };

  const apply = () => {
    const from = ruToLocal(fromText);
    const to = ruToLocal(toText, true);
    if (from === null || to === null) {
      setError('Введите дату в формате 31.12.2026 или 31.12.2026 18:00');
      return;
    }
    if (from && to && from > to) {
      setError('Начало периода позже его конца');
      return;
    }
    pick({ period: '', from, to });
  };

  return (
    <Popover.Root open={open} onOpenChange={openChange}>
      <Popover.Trigger>
        <Button variant="surface" color="gray" className="period-trigger" aria-label={`Период: ${periodLabel(value)}`}>
          <CalendarIcon />
          <span className={isSet ? undefined : 'muted'}>{periodLabel(value)}</span>
        </Button>
      </Popover.Trigger>
      <Popover.Content width="320px" align="start">
        <Flex direction="column" gap="1">
          {[{ id: '', label: 'За всё время' }, ...PERIOD_PRESETS].map((p) => {
            const active = p.id ? value.period === p.id : !isSet;
            return (
              <button key={p.id || 'all'} type="button" className="menu-option" onClick={() => pick({ ...EMPTY, period: p.id })}>
                <span>{p.label}</span>
                {active ? <CheckIcon /> : null}
              </button>
            );
          })}
        </Flex>
        <Separator size="4" my="3" />
        <form
          onSubmit={(e) => {
            e.preventDefault();
            apply();
          }}
        >
          <Flex direction="column" gap="2">
            <Text size="2" weight="medium">
              Свой период
            </Text>
            <DateInput id="period-from" label="С" value={fromText} onChange={setFromText} />
            <DateInput id="period-to" label="По" value={toText} onChange={setToText} />
            {error ? (
              <Text size="1" color="red" role="alert">
                {error}
              </Text>
            ) : (
              <Text size="1" color="gray">
                Время можно не указывать: тогда берётся весь день.
              </Text>
            )}
            <Flex justify="end" gap="2" mt="1">
              <Button type="button" variant="soft" color="gray" onClick={() => setOpen(false)}>
                Отмена
              </Button>
              <Button type="submit">Применить</Button>
            </Flex>
          </Flex>
        </form>
      </Popover.Content>
    </Popover.Root>
  );
}

/** One bound of «Свой период»: a short label and the text typed as «дд.мм.гггг чч:мм». */
function DateInput(p: { id: string; label: string; value: string; onChange: (text: string) => void }) {
  return (
    <Flex align="center" gap="2">
      <Text as="label" htmlFor={p.id} size="2" color="gray" className="period-label">
        {p.label}
      </Text>
      <TextField.Root
        id={p.id}
        value={p.value}
        onChange={(e) => p.onChange(e.target.value)}
        placeholder="дд.мм.гггг чч:мм"
        style={{ flex: 1 }}
      />
    </Flex>
  );
}
