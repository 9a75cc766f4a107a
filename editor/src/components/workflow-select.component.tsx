import { workflowsApi } from '../api/workflows.api.ts';
import { useApiData } from '../hooks/use-api-data.hook.ts';
import { FilterSelect } from './filter-select.component.tsx';

interface Props {
  value: string;
  onChange: (workflowId: string) => void;
}

/** «Все правила» + the tenant's rules, loaded from `GET /api/workflows`. */
export function WorkflowSelect({ value, onChange }: Props) {
  const { data, error, loading } = useApiData((signal) => workflowsApi.list({ limit: 200 }, signal), 'workflow-options');
  const options: [string, string][] = (data?.items ?? []).map((w) => [w.id, w.name || 'Без названия']);
  if (value && !options.some(([id]) => id === value)) options.unshift([value, loading ? 'Загрузка…' : 'Выбранное правило']);
  const allLabel = error ? 'Все правила (список не загрузился)' : 'Все правила';
  return (
    <FilterSelect
      value={value}
      onChange={onChange}
      options={options}
      allLabel={allLabel}
      ariaLabel="Правило"
      minWidth={180}
    />
  );
}
