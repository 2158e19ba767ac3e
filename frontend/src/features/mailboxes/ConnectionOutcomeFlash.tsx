// The flash after coming back from Microsoft: the mailbox that was connected, or why it was not, with Microsoft's ids.
import { Flash } from '../../components/Flash';
import { MicrosoftErrorDetails } from '../../components/MicrosoftErrorDetails';
import type { ConnectionOutcome } from './useConnectionOutcome';

export const CONNECTION_INCOMPLETE = 'The mailbox connection did not complete. Try again.';

function failure(outcome: Extract<ConnectionOutcome, { connected: false }>): string {
  if (outcome.error) return `The mailbox was not connected. ${outcome.error.message}`;
  if (outcome.problem) return `How the mailbox connection went could not be read. ${outcome.problem}`;
  return CONNECTION_INCOMPLETE;
}

export function ConnectionOutcomeFlash({ outcome }: { outcome: ConnectionOutcome }) {
  if (outcome.connected) return <Flash type="success">Mailbox {outcome.address} connected.</Flash>;
  return (
    <Flash type="error">
      <strong>{failure(outcome)}</strong>
      {outcome.error && <MicrosoftErrorDetails error={outcome.error} />}
    </Flash>
  );
}
