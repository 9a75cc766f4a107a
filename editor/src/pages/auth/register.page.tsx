import { Navigate, useSearchParams } from 'react-router';
import { useAuthStore } from '../../store/auth.store.ts';
import { usePageTitle } from '../../hooks/use-page-title.hook.ts';
import { AuthCard, safeNext } from '../../layout/auth-card.layout.tsx';
import { FormField } from '../../components/form-field.component.tsx';
import { checkEmail, checkName, checkPassword, compact, type FieldErrors } from './auth-validation.util.ts';
import { useAuthForm } from './use-auth-form.hook.ts';
import { AuthForm, AuthSwitch } from './auth-form.component.tsx';

type Field = 'name' | 'company' | 'email' | 'password';
const FIELDS: readonly Field[] = ['name', 'email', 'password', 'company'];
type Values = Record<Field, string>;
const INITIAL: Values = { name: '', company: '', email: '', password: '' };

function validate(v: Values): FieldErrors<Field> {
  return compact<Field>({ name: checkName(v.name), email: checkEmail(v.email), password: checkPassword(v.password) });
}

export function RegisterPage() {
  usePageTitle('Регистрация');
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const { user, register } = useAuthStore();
  const form = useAuthForm({
    idPrefix: 'register',
    fields: FIELDS,
    initial: INITIAL,
    validate,
    send: (v) =>
      register({
        name: v.name.trim(),
        email: v.email.trim(),
        password: v.password,
        company: v.company.trim() || undefined,
      }),
    fallbackField: { EMAIL_TAKEN: 'email' },
  });

  if (user) return <Navigate to={next} replace />;

  return (
    <AuthCard
      title="Регистрация"
      subtitle="Создайте аккаунт, чтобы связать AmoCRM, LPTracker и другие сервисы правилами."
      footer={<AuthSwitch question="Уже есть аккаунт?" path="/login" label="Войдите" next={next} />}
    >
      <AuthForm onSubmit={form.submit} general={form.general} pending={form.pending} submitLabel="Создать аккаунт">
        <FormField {...form.field('name')} label="Имя" autoComplete="name" autoFocus />
        <FormField {...form.field('email')} label="Электронная почта" type="email" autoComplete="email" />
        <FormField
          {...form.field('password')}
          label="Пароль"
          type="password"
          autoComplete="new-password"
          hint="Не короче 8 символов"
        />
        <FormField
          {...form.field('company')}
          label="Компания"
          autoComplete="organization"
          hint="Необязательно. Так будет называться ваше рабочее пространство."
        />
      </AuthForm>
    </AuthCard>
  );
}
