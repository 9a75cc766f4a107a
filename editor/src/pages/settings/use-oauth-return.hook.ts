import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';

export interface OAuthNotice {
  tone: 'ok' | 'error';
  text: string;
}

/**
 * The way back from a service's consent page: `/settings?connection=<id>&oauth=ok|error&message=…`.
 * Says how it went (a callout that stays until dismissed), remembers the connection to highlight and
 * cleans the address so a reload does not repeat the message.
 */
export function useOAuthReturn(): { focusId: string | null; notice: OAuthNotice | null; dismiss: () => void } {
  const [params, setParams] = useSearchParams();
  const [focusId, setFocusId] = useState<string | null>(null);
  const [notice, setNotice] = useState<OAuthNotice | null>(null);

  useEffect(() => {
    const outcome = params.get('oauth');
    if (!outcome) return;
    const message = params.get('message')?.trim();
    const next: OAuthNotice =
      outcome === 'ok'
        ? { tone: 'ok', text: 'Вход выполнен: доступ разрешён, подключение проверено и справочники загружены.' }
        : { tone: 'error', text: `Вход не удался: ${message || 'сервис не подтвердил доступ. Попробуйте ещё раз.'}` };
    setNotice(next);
    setFocusId(params.get('connection'));
    setParams({}, { replace: true });
  }, [params, setParams]);

  return { focusId, notice, dismiss: () => setNotice(null) };
}
