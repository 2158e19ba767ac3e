// The sync step a card shows: a run that starts without connecting first (pushed new mail, usually done in a blink)
// leaves the last result in place until it has run long enough for a progress bar to be worth the flicker.
import { useEffect, useRef, useState } from 'react';
import type { SyncState } from '../../gql/graphql';

export const QUIET_START_MS = 500;

const running = (step: { state: SyncState }) => step.state === 'CONNECTING' || step.state === 'SYNCING';

export function useShownStep<S extends { state: SyncState }>(step: S | null): S | null {
  const [shown, setShown] = useState(step);
  const quietSince = useRef<number | null>(null);

  useEffect(() => {
    const quiet = step?.state === 'SYNCING' && (quietSince.current !== null || (shown !== null && !running(shown)));
    if (!quiet) {
      quietSince.current = null;
      setShown(step);
      return undefined;
    }
    quietSince.current ??= Date.now();
    const wait = QUIET_START_MS - (Date.now() - quietSince.current);
    if (wait <= 0) {
      setShown(step);
      return undefined;
    }
    const timer = setTimeout(() => setShown(step), wait);
    return () => clearTimeout(timer);
  }, [step]);

  return shown;
}
