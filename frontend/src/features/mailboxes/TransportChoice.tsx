// The choice of how a new mailbox is read and sent from: IMAP and SMTP, or Microsoft Graph.
import { useId } from 'react';
import type { MailTransport } from '../../gql/graphql';
import { TRANSPORT_LABEL } from './mailboxes';

const HINT: Record<MailTransport, string> = {
  IMAP: 'Exchange Online’s IMAP and Authenticated SMTP (IMAP.AccessAsUser.All, SMTP.Send).',
  GRAPH: 'The Microsoft Graph mail API (Mail.ReadWrite, Mail.Send): works where IMAP or SMTP AUTH is turned off.',
};

type Props = { value: MailTransport; onChange: (transport: MailTransport) => void };

export function TransportChoice({ value, onChange }: Props) {
  const name = useId();
  return (
    <fieldset className="transport-choice">
      <legend>Connect over</legend>
      {(['IMAP', 'GRAPH'] as const).map((transport) => (
        <label key={transport} className="transport-option">
          <input
            type="radio"
            name={name}
            value={transport}
            checked={value === transport}
            onChange={() => onChange(transport)}
          />
          <span>
            <strong>{TRANSPORT_LABEL[transport]}</strong> <span className="muted">{HINT[transport]}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}
