// The sync step a card shows: a run that starts without connecting first (pushed new mail, usually done in a blink)
// leaves the last result in place until it has run long enough for a progress bar to be worth the flicker.
import { useEffect, useState } from 'react';
import type { SyncState } from '../../gql/graphql';

export const QUIET_START_MS = 500;

const running = (step: { state: SyncState }) => step.state === 'CONNECTING' || step.state === 'SYNCING';

/** A run that went straight to SYNCING: the result it holds on screen, until the quiet start is over. */
type QuietStart<S> = { held: S; over: boolean };

export function useShownStep<S extends { state: SyncState }>(step: S | null): S | null {
  const [seen, setSeen] = useState(step);
  const [quiet, setQuiet] = useState<QuietStart<S> | null>(null);
  const holding = quiet !== null && !quiet.over;

  if (step !== seen) {
    setSeen(step);
    const shown = holding ? quiet.held : seen;
    if (step?.state !== 'SYNCING') setQuiet(null);
    else if (quiet === null && shown !== null && !running(shown)) setQuiet({ held: shown, over: false });
  }

  useEffect(() => {
    if (quiet === null || quiet.over) return undefined;
    const timer = setTimeout(() => setQuiet({ ...quiet, over: true }), QUIET_START_MS);
    return () => clearTimeout(timer);
  }, [quiet]);

  return holding ? quiet.held : step;
}
