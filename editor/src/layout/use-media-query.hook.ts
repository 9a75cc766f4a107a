import { useSyncExternalStore } from 'react';

/**
 * Below 900 px the sidebar becomes a drawer and tables become cards. CSS repeats the number in its
 * media queries (`max-width: 899.98px`): custom properties cannot be used there.
 */
export const COMPACT_QUERY = '(max-width: 899.98px)';

function subscribe(query: string) {
  return (onChange: () => void) => {
    const list = window.matchMedia(query);
    list.addEventListener('change', onChange);
    return () => list.removeEventListener('change', onChange);
  };
}

/** Whether a media query matches now; re-renders when it starts or stops matching. */
export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(subscribe(query), () => window.matchMedia(query).matches);
}

/** A phone or a narrow window: the shell shows a top bar and a drawer instead of the sidebar. */
export function useCompactScreen(): boolean {
  return useMediaQuery(COMPACT_QUERY);
}
