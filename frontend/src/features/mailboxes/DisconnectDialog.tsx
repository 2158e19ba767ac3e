// Asks before disconnecting a mailbox, and whether its synced mail should go too.
import { useEffect, useId, useRef, useState } from 'react';

type Props = { address: string; busy: boolean; onConfirm: (deleteMail: boolean) => void; onCancel: () => void };

export function DisconnectDialog({ address, busy, onConfirm, onCancel }: Props) {
  const [deleteMail, setDeleteMail] = useState(false);
  const titleId = useId();
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => cancel.current?.focus(), []);

  return (
    <div className="modal-backdrop" onKeyDown={(e) => e.key === 'Escape' && onCancel()}>
      <div role="dialog" aria-modal="true" aria-labelledby={titleId} className="modal">
        <h2 id={titleId}>Disconnect {address}?</h2>
        <p>
          The console deletes this mailbox's tokens and stops syncing it. Mail it already synced stays unless you delete
          it too.
        </p>
        <label className="inline-check">
          <input type="checkbox" checked={deleteMail} onChange={(e) => setDeleteMail(e.target.checked)} /> Also delete
          this mailbox's mail
        </label>
        <div className="modal-actions">
          <button type="button" className="btn" ref={cancel} onClick={onCancel}>
            Cancel
          </button>
          <button type="button" className="btn btn-danger" disabled={busy} onClick={() => onConfirm(deleteMail)}>
            Disconnect
          </button>
        </div>
      </div>
    </div>
  );
}
