// "Expires": when the credential in use expires (or why that is unknown, or that Microsoft refused it), live.
import { FormRow } from '../../components/FormRow';
import type { SettingsCredentialStatusSubscription } from '../../gql/graphql';

export type CredentialStatus = SettingsCredentialStatusSubscription['microsoftCredentialStatus'];

export function CredentialStatusRow({ status }: { status?: CredentialStatus | null }) {
  if (!status?.configured) return null;
  const warn = status.expiringSoon || status.rejectedAt;
  return (
    <FormRow id="credentialExpiry" label="Expires">
      {() => (
        <p id="credentialExpiry" className={warn ? 'field-error' : 'field-hint'} data-testid="credential-expiry">
          {status.message ?? 'Not known yet: Test connection reads it.'}
        </p>
      )}
    </FormRow>
  );
}
