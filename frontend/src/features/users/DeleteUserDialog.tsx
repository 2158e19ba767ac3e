// Asks before deleting a user, and whether their mailboxes' mail is deleted or kept as shared mailboxes.
import { useEffect, useId, useRef, useState } from 'react';

type Props = { username: string; busy: boolean; onConfirm: (deleteMail: boolean) => void; onCancel: () => void };

export function DeleteUserDialog({ username, busy, onConfirm, onCancel }: Props) {
  const [deleteMail, setDeleteMail] = useState(false);
  const titleId = useId();
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => cancel.current?.focus(), []);

  return (
    <div className="modal-backdrop" onKeyDown={(e) => e.key === 'Escape' && onCancel()}>
      <div role="dialog" aria-modal="true" aria-labelledby={titleId} className="modal">
        <h2 id={titleId}>Delete {username}?</h2>
        <p>
          The account is deleted for good: its sessions end, its API tokens and Microsoft 365 links are deleted and its
          mailboxes are disconnected.
        </p>
        <fieldset className="choice">
          <legend>Their mailboxes' mail</legend>
          <label className="inline-check">
            <input type="radio" name="mail" checked={!deleteMail} onChange={() => setDeleteMail(false)} /> Keep it: each
            mailbox stays, disconnected, under System &gt; Mailboxes
          </label>
          <label className="inline-check">
            <input type="radio" name="mail" checked={deleteMail} onChange={() => setDeleteMail(true)} /> Delete it with
            the mailboxes
          </label>
        </fieldset>
        <div className="modal-actions">
          <button type="button" className="btn" ref={cancel} onClick={onCancel}>
            Cancel
          </button>
          <button type="button" className="btn btn-danger" disabled={busy} onClick={() => onConfirm(deleteMail)}>
            Delete user
          </button>
        </div>
      </div>
    </div>
  );
}
