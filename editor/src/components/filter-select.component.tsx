import { Select } from '@radix-ui/themes';

const ALL = '__all__';

interface Props {
  /** '' means «all». */
  value: string;
  onChange: (value: string) => void;
  options: [value: string, label: string][];
  allLabel: string;
  ariaLabel: string;
  disabled?: boolean;
  minWidth?: number;
}

/** A filter dropdown whose first item resets it (Radix Select cannot hold an empty value). */
export function FilterSelect({ value, onChange, options, allLabel, ariaLabel, disabled, minWidth = 170 }: Props) {
  return (
    <Select.Root
      value={value || ALL}
      onValueChange={(v) => onChange(v === ALL ? '' : v)}
      disabled={disabled}
    >
      <Select.Trigger aria-label={ariaLabel} style={{ minWidth }} />
      <Select.Content position="popper">
        <Select.Item value={ALL}>{allLabel}</Select.Item>
        <Select.Separator />
        {options.map(([v, label]) => (
          <Select.Item key={v} value={v}>
            {label}
          </Select.Item>
        ))}
      </Select.Content>
    </Select.Root>
  );
}
