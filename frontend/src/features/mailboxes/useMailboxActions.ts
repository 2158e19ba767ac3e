// What a mailbox card does: check the connection (keeping the result and folders) and disconnect, with feedback.
// A payload that carries the mailbox refreshes the lists by itself (urql re-runs the queries holding a Mailbox).
import { useState } from 'react';
import { useMutation } from 'urql';
import type { ConnectionCheckResult } from './ConnectionCheck';
import { CheckMailboxConnectionMutation, DisconnectMailboxMutation } from './documents';

export type Feedback = { type: 'success' | 'error'; text: string } | null;

export function useMailboxActions(mailboxId: string, onChanged: () => void) {
  const [{ fetching: checking }, runCheck] = useMutation(CheckMailboxConnectionMutation);
  const [{ fetching: disconnecting }, runDisconnect] = useMutation(DisconnectMailboxMutation);
  const [result, setResult] = useState<ConnectionCheckResult | null>(null);
  const [feedback, setFeedback] = useState<Feedback>(null);

  async function check() {
    setFeedback(null);
    setResult(null);
    const outcome = await runCheck({ input: { mailboxId } });
    const payload = outcome.data?.checkMailboxConnection;
    const problem = payload?.errors[0]?.message ?? (payload ? null : (outcome.error?.message ?? 'No answer.'));
    if (problem) setFeedback({ type: 'error', text: `The connection could not be checked. ${problem}` });
    if (payload?.mailbox) setResult({ ...payload, mailbox: payload.mailbox });
    else onChanged();
  }

  async function disconnect(deleteMail: boolean) {
    const outcome = await runDisconnect({ input: { mailboxId, deleteMail } });
    const payload = outcome.data?.disconnectMailbox;
    const problem = payload?.errors[0]?.message ?? outcome.error?.message;
    setResult(null);
    setFeedback(
      problem
        ? { type: 'error', text: `The mailbox was not disconnected. ${problem}` }
        : { type: 'success', text: `Mailbox disconnected.${deleteMail ? ' Its mail was deleted.' : ''}` },
    );
    if (!payload?.mailbox) onChanged();
  }

  return { checking, disconnecting, result, feedback, setFeedback, check, disconnect };
}
