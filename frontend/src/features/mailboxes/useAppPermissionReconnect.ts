// Connects a shared mailbox again with the application's own permission (client credentials, no sign-in): what
// Reconnect means for a mailbox connected that way, where a delegate's consent would change how it is reached.
import { useState } from 'react';
import { useMutation } from 'urql';
import type { UserErrorLike } from '../../lib/userErrors';
import { ConnectSharedMailboxWithAppPermissionMutation } from './documents';

export function useAppPermissionReconnect(address: string, onConnected: () => void) {
  const [{ fetching }, connectWithApp] = useMutation(ConnectSharedMailboxWithAppPermissionMutation);
  const [errors, setErrors] = useState<readonly UserErrorLike[]>([]);

  async function reconnect() {
    setErrors([]);
    const result = await connectWithApp({ input: { address } }, { additionalTypenames: ['Mailbox'] });
    const payload = result.data?.connectSharedMailboxWithAppPermission;
    if (payload?.mailbox) {
      onConnected();
      return;
    }
    const problem = `The mailbox could not be connected. ${result.error?.message ?? ''}`.trim();
    setErrors(payload?.errors.length ? payload.errors : [{ field: null, message: problem }]);
  }

  return { busy: fetching, errors, reconnect };
}
