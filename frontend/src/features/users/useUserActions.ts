// Runs an admin's action on an account and says how it went: a flash message, or the one-time password of a reset.
import { useState } from 'react';
import { useMutation } from 'urql';
import type { UserFieldsFragment } from '../../gql/graphql';
import {
  ChangeUserRoleMutation,
  DeleteUserMutation,
  DisableUserMutation,
  EnableUserMutation,
  ResetUserPasswordMutation,
  UnlinkMicrosoftIdentityMutation,
} from './documents';
import type { Identity, UserAction } from './UsersTable';

export type Outcome = { type: 'success' | 'error'; text: string } | null;
export type OneTime = { username: string; password: string; expiresAt: string | null | undefined } | null;
type Answer = { data?: { errors: readonly { message: string }[] } | null; error?: { message: string } };

const DONE: Record<Exclude<UserAction, 'reset' | 'delete'>, (name: string) => string> = {
  disable: (name) => `${name} disabled: their sessions ended and their API tokens and mailboxes wait.`,
  enable: (name) => `${name} enabled again.`,
  promote: (name) => `${name} is now an administrator.`,
  demote: (name) => `${name} is now a user.`,
};

/** The outcome of a mutation: its first refusal or transport error, else the success text. */
function outcome(answer: Answer, failed: string, succeeded: string): Outcome {
  const problem = answer.data?.errors[0]?.message ?? answer.error?.message ?? (answer.data ? null : 'No answer.');
  return problem ? { type: 'error', text: `${failed} ${problem}` } : { type: 'success', text: succeeded };
}

export function useUserActions(onChanged: () => void) {
  const [disabling, disable] = useMutation(DisableUserMutation);
  const [enabling, enable] = useMutation(EnableUserMutation);
  const [changingRole, changeRole] = useMutation(ChangeUserRoleMutation);
  const [resetting, reset] = useMutation(ResetUserPasswordMutation);
  const [deleting, remove] = useMutation(DeleteUserMutation);
  const [unlinking, unlink] = useMutation(UnlinkMicrosoftIdentityMutation);
  const [result, setResult] = useState<Outcome>(null);
  const [oneTime, setOneTime] = useState<OneTime>(null);
  const busy = [disabling, enabling, changingRole, resetting, deleting, unlinking].some((state) => state.fetching);

  function finish(next: Outcome) {
    setResult(next);
    onChanged();
  }

  async function act(action: Exclude<UserAction, 'reset' | 'delete'>, user: UserFieldsFragment) {
    setOneTime(null);
    const input = { userId: user.id };
    const failed = `${user.username} was not changed.`;
    if (action === 'disable') {
      const answer = await disable({ input });
      finish(outcome({ data: answer.data?.disableUser, error: answer.error }, failed, DONE[action](user.username)));
    } else if (action === 'enable') {
      const answer = await enable({ input });
      finish(outcome({ data: answer.data?.enableUser, error: answer.error }, failed, DONE[action](user.username)));
    } else {
      const answer = await changeRole({ input: { ...input, role: action === 'promote' ? 'ADMIN' : 'USER' } });
      finish(outcome({ data: answer.data?.changeUserRole, error: answer.error }, failed, DONE[action](user.username)));
    }
  }

  async function resetPassword(user: UserFieldsFragment) {
    setOneTime(null);
    const answer = await reset({ input: { userId: user.id } });
    const payload = answer.data?.resetUserPassword;
    if (payload?.oneTimePassword) {
      setOneTime({
        username: user.username,
        password: payload.oneTimePassword,
        expiresAt: payload.oneTimePasswordExpiresAt,
      });
      finish(null);
    } else {
      finish(outcome({ data: payload, error: answer.error }, `The password of ${user.username} was not reset.`, ''));
    }
  }

  async function deleteUser(user: UserFieldsFragment, deleteMail: boolean) {
    setOneTime(null);
    const answer = await remove({ input: { userId: user.id, deleteMail } });
    const kept = answer.data?.deleteUser.keptMailboxes ?? 0;
    const mail = deleteMail
      ? 'Their mail was deleted.'
      : `${kept} mailbox${kept === 1 ? '' : 'es'} kept under System > Mailboxes.`;
    finish(
      outcome(
        { data: answer.data?.deleteUser, error: answer.error },
        `${user.username} was not deleted.`,
        `${user.username} deleted. ${mail}`,
      ),
    );
  }

  async function unlinkIdentity(user: UserFieldsFragment, identity: Identity) {
    setOneTime(null);
    const answer = await unlink({
      input: { userId: user.id, tenantId: identity.tenantId, objectId: identity.objectId },
    });
    const name = identity.email ?? identity.objectId;
    finish(
      outcome(
        { data: answer.data?.unlinkMicrosoftIdentity, error: answer.error },
        `${name} was not unlinked.`,
        `${name} unlinked from ${user.username}; their sessions ended.`,
      ),
    );
  }

  return { busy, result, oneTime, act, resetPassword, deleteUser, unlinkIdentity };
}
