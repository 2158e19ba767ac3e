// One protocol's check result as a mark: "IMAP ✓", "SMTP ✗", "Graph sending ✓" with why, or not checked yet.
import type { CheckOutcome } from './mailboxes';

type Props = { protocol: string; outcome: CheckOutcome; withMessage?: boolean };

export function ProtocolCheck({ protocol, outcome, withMessage = false }: Props) {
  const tone = outcome.ok === null ? 'unknown' : outcome.ok ? 'ok' : 'failed';
  const mark = outcome.ok === null ? '–' : outcome.ok ? '✓' : '✗';
  const message = withMessage || outcome.ok === false ? ` ${outcome.message}` : '';
  return (
    <span className={`check check-${tone}`}>
      {protocol} {mark}
      {message}
    </span>
  );
}
