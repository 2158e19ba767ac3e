// One mailbox as a card: address and state, what needs doing, its health and sync, and the actions its state allows.
import { useId, useState } from 'react';
import { Link } from 'react-router-dom';
import { Flash } from '../../components/Flash';
import type { MailboxFieldsFragment } from '../../gql/graphql';
import { ConnectionCheck } from './ConnectionCheck';
import { DisconnectDialog } from './DisconnectDialog';
import { MailboxDetails } from './MailboxDetails';
import { MailboxSync } from './MailboxSync';
import { KIND_LABEL, otherTransport, stateBadge, TRANSPORT_LABEL } from './mailboxes';
import { useAppPermissionReconnect } from './useAppPermissionReconnect';
import { useConnect } from './useConnect';
import { useMailboxActions } from './useMailboxActions';

type Props = { mailbox: MailboxFieldsFragment; onChanged: () => void };

export function MailboxCard({ mailbox: m, onChanged }: Props) {
  const actions = useMailboxActions(m.id, onChanged);
  const reconnect = useConnect();
  const byApplication = m.grant === 'APPLICATION';
  const appReconnect = useAppPermissionReconnect(m.address, onChanged);
  const [confirming, setConfirming] = useState(false);
  const titleId = useId();
  const badge = stateBadge(m.state);
  const connected = m.state === 'CONNECTED';
  const refused = m.state === 'ACCESS_REFUSED';

  // A mailbox reached with the application's permission reconnects so; a delegate's consent (and IMAP) is a new
  // connection from the shared-mailbox form instead.
  const reconnectButton = byApplication ? (
    <button
      type="button"
      className={`btn${connected ? '' : ' btn-primary'}`}
      disabled={appReconnect.busy}
      onClick={() => void appReconnect.reconnect()}
    >
      Reconnect with the application's permission
    </button>
  ) : (
    <button
      type="button"
      className={`btn${connected ? '' : ' btn-primary'}`}
      disabled={reconnect.busy}
      onClick={() => void reconnect.connect({ reconnect: { id: m.id, kind: m.kind } })}
    >
      Reconnect
    </button>
  );
  const switchTo = otherTransport(m.transport);
  const switchButton = byApplication ? null : (
    <button
      type="button"
      className="btn"
      disabled={reconnect.busy}
      onClick={() => void reconnect.connect({ reconnect: { id: m.id, kind: m.kind }, transport: switchTo })}
    >
      Switch to {TRANSPORT_LABEL[switchTo]}
    </button>
  );
  const checkButton = (
    <button type="button" className="btn" disabled={actions.checking} onClick={() => void actions.check()}>
      {actions.checking ? 'Checking…' : 'Check connection'}
    </button>
  );
  function foldersSaved(names: string[]) {
    const text = names.length ? `Folders saved: ${names.join(', ')}.` : 'Folders saved: none will be synced.';
    actions.setFeedback({ type: 'success', text });
  }

  return (
    <section className="panel mailbox-card" aria-labelledby={titleId}>
      <header className="mailbox-card-header">
        <h2 id={titleId}>{m.address}</h2>
        <span className={badge.className}>{badge.label}</span>
        <span className="muted">{m.kind === 'SYSTEM' ? KIND_LABEL.SYSTEM : m.owner && `Owner: ${m.owner}`}</span>
      </header>
      {m.state === 'NEEDS_REAUTH' && (
        <div className="flash flash-error mailbox-alert" role="alert">
          <div>
            <strong>Reconnect this mailbox: Microsoft no longer accepts its sign-in.</strong>
            {m.lastError && <p>{m.lastError}</p>}
          </div>
          {reconnectButton}
        </div>
      )}
      {refused && (
        <div className="flash flash-error mailbox-alert" role="alert">
          <div>
            <strong>
              Mail access refused: Microsoft accepts the sign-in, but the mail server refuses this mailbox.
            </strong>
            {m.lastError && <p>{m.lastError}</p>}
          </div>
          {checkButton}
          {reconnectButton}
        </div>
      )}
      {!refused && m.state !== 'NEEDS_REAUTH' && m.lastError && (
        <p className="mailbox-last-error">Last error: {m.lastError}</p>
      )}
      {actions.feedback && <Flash type={actions.feedback.type}>{actions.feedback.text}</Flash>}
      {reconnect.errors.length > 0 && <Flash type="error">{reconnect.errors.map((e) => e.message).join(' ')}</Flash>}
      {appReconnect.errors.length > 0 && (
        <Flash type="error">{appReconnect.errors.map((e) => e.message).join(' ')}</Flash>
      )}
      <MailboxDetails mailbox={m} />
      {m.state !== 'DISCONNECTED' && (
        <MailboxSync
          mailboxId={m.id}
          lastSync={m.lastSync}
          canSync={connected || refused}
          push={m.push}
          onRunEnded={m.pushing ? undefined : onChanged}
        />
      )}
      <div className="mailbox-actions">
        {connected && checkButton}
        {connected && (
          <Link className="btn" to={`/mailboxes/${m.id}/compose`}>
            Compose
          </Link>
        )}
        <Link className="btn" to={`/mailboxes/${m.id}/mail`}>
          Read mail
        </Link>
        {m.state === 'DISCONNECTED' && reconnectButton}
        {switchButton}
        {m.state !== 'DISCONNECTED' && (
          <button type="button" className="btn" onClick={() => setConfirming(true)}>
            Disconnect
          </button>
        )}
      </div>
      {actions.result && (
        <ConnectionCheck
          result={actions.result}
          onFoldersSaved={foldersSaved}
          onFailed={(text) => actions.setFeedback({ type: 'error', text })}
        />
      )}
      {confirming && (
        <DisconnectDialog
          address={m.address}
          busy={actions.disconnecting}
          onCancel={() => setConfirming(false)}
          onConfirm={(deleteMail) => void actions.disconnect(deleteMail).then(() => setConfirming(false))}
        />
      )}
    </section>
  );
}
