import type { ReactNode } from 'react';

/**
 * «Подробности»: technical facts (an error code, raw details) folded away, so headlines speak the
 * user's language and support can still read the code. A native <details>: keyboard and screen
 * readers work without script.
 */
export function DetailsDisclosure({ children, label = 'Подробности' }: { children: ReactNode; label?: string }) {
  return (
    <details className="details-disclosure" onClick={(e) => e.stopPropagation()}>
      <summary>{label}</summary>
      <div className="details-disclosure-body">{children}</div>
    </details>
  );
}
