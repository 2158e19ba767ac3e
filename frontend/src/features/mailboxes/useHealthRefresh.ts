// Keeps a mailboxes page's health current: push states change on the server without a sync step announcing them.
import { useEffect } from 'react';

/** How often an open mailboxes page reads its mailboxes again (skipped while the tab is hidden). */
export const HEALTH_REFRESH_MS = 15_000;

export function useHealthRefresh(refresh: () => void) {
  useEffect(() => {
    const timer = setInterval(() => {
      if (document.visibilityState !== 'hidden') refresh();
    }, HEALTH_REFRESH_MS);
    return () => clearInterval(timer);
  }, [refresh]);
}
