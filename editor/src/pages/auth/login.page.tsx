import { Navigate, useSearchParams } from 'react-router';
import { Callout } from '@radix-ui/themes';
import { InfoCircledIcon } from '@radix-ui/react-icons';
import { useAuthStore } from '../../store/auth.store.ts';
import { usePageTitle } from '../../hooks/use-page-title.hook.ts';
import { AuthCard, safeNext } from '../../layout/auth-card.layout.tsx';
import { FormField } from '../../components/form-field.component.tsx';
import { checkEmail, compact, type FieldErrors } from './auth-validation.util.ts';
import { useAuthForm } from './use-auth-form.hook.ts';
import { AuthForm, AuthSwitch } from './auth-form.component.tsx';

type Field = 'email' | 'password';
type Values = Record<Field, string>;
const FIELDS: readonly Field[] = ['email', 'password'];
const INITIAL: Values = { email: '', password: '' };

function validate(v: Values): FieldErrors<Field> {
  return compact<Field>({ email: checkEmail(v.email), password: v.password ? undefined : 'Введите пароль' });
}

export function LoginPage() {
  usePageTitle('Вход');
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const { user, signedOutReason, login } = useAuthStore();
  const form = useAuthForm({
    idPrefix: 'login',
    fields: FIELDS,
    initial: INITIAL,
    validate,
    send: (v) => login(v.email.trim(), v.password),
  });

  if (user) return <Navigate to={next} replace />;

  return (
    <AuthCard
      title="Вход"
      subtitle="Войдите, чтобы настраивать правила и следить за запусками."
      footer={<AuthSwitch question="Ещё нет аккаунта?" path="/register" label="Зарегистрируйтесь" next={next} />}
    >
      <AuthForm onSubmit={form.submit} general={form.general} pending={form.pending} submitLabel="Войти">
        {signedOutReason === 'expired' ? (
          <Callout.Root color="blue" variant="surface">
            <Callout.Icon>
              <InfoCircledIcon />
            </Callout.Icon>
            <Callout.Text>Сессия завершилась. Войдите снова — мы вернём вас на ту же страницу.</Callout.Text>
          </Callout.Root>
        ) : null}
        <FormField
          {...form.field('email')}
          label="Электронная почта"
          type="email"
          autoComplete="email"
          autoFocus
        />
        <FormField {...form.field('password')} label="Пароль" type="password" autoComplete="current-password" />
      </AuthForm>
    </AuthCard>
  );
}
