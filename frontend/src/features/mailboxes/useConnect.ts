// Starts connecting (or reconnecting) a mailbox: asks the server for Microsoft's consent URL and goes there.
import { useState } from 'react';
import { useMutation } from 'urql';
import type { UserErrorLike } from '../../lib/userErrors';
import { StartMailboxConnectionMutation } from './documents';
import { startConnectionInput, type ConnectRequest } from './mailboxes';
import { openMicrosoft } from './redirect';

export function useConnect() {
  const [{ fetching }, start] = useMutation(StartMailboxConnectionMutation);
  const [leaving, setLeaving] = useState(false);
  const [errors, setErrors] = useState<readonly UserErrorLike[]>([]);

  async function connect(request: ConnectRequest) {
    setErrors([]);
    const result = await start({ input: startConnectionInput(request) });
    const payload = result.data?.startMailboxConnection;
    if (payload?.authorizationUrl) {
      setLeaving(true);
      openMicrosoft(payload.authorizationUrl);
      return;
    }
    const problem = `Microsoft's sign-in page could not be opened. ${result.error?.message ?? ''}`.trim();
    setErrors(payload?.errors.length ? payload.errors : [{ field: null, message: problem }]);
  }

  return { busy: fetching || leaving, errors, connect };
}
