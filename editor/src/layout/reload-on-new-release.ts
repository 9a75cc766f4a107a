const FLAG = 'shell.reloaded-for-release';

/**
 * A tab opened before a release asks for page files that no longer exist (their hashed names
 * changed). Vite reports it as `vite:preloadError`: the page reloads once to get the current
 * release instead of showing an error. A second failure in a row is a real one and is shown.
 */
export function reloadOnNewRelease(): void {
  window.addEventListener('vite:preloadError', (event) => {
    if (sessionStorage.getItem(FLAG)) return;
    sessionStorage.setItem(FLAG, '1');
    event.preventDefault();
    window.location.reload();
  });
  // A page that loaded fine clears the flag, so the next release may reload again.
  window.addEventListener('load', () => window.setTimeout(() => sessionStorage.removeItem(FLAG), 10_000));
}

/** Whether an error is a page file that could not be fetched (a new release, a lost connection). */
export function isChunkLoadError(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error ?? '');
  return /dynamically imported module|Importing a module script failed|Unable to preload|error loading dynamically imported/i.test(message);
}
