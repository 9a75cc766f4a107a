import { useEffect } from 'react';

const PRODUCT = 'Конструктор интеграций';

/** Sets the browser tab title: «<page> — Конструктор интеграций». */
export function usePageTitle(title: string | null | undefined): void {
  useEffect(() => {
    document.title = title ? `${title} — ${PRODUCT}` : PRODUCT;
  }, [title]);
}
