import type { z } from 'zod';

/** Russian text for a zod issue; schemas may carry their own Russian message instead. */
export function zodIssueMessage(issue: z.core.$ZodIssue): string {
  if (issue.message && /[а-яё]/i.test(issue.message)) return issue.message;
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? 'Обязательное поле' : 'Неверный тип значения';
    case 'too_small':
      return issue.origin === 'string' ? `Не короче ${issue.minimum} символов` : `Не меньше ${issue.minimum}`;
    case 'too_big':
      return issue.origin === 'string' ? `Не длиннее ${issue.maximum} символов` : `Не больше ${issue.maximum}`;
    case 'invalid_format':
      return issue.format === 'email' ? 'Некорректный email' : issue.format === 'url' ? 'Некорректный адрес' : 'Неверный формат';
    case 'invalid_value':
      return 'Недопустимое значение';
    case 'unrecognized_keys':
      return `Лишние поля: ${issue.keys.join(', ')}`;
    default:
      return 'Неверное значение';
  }
}
