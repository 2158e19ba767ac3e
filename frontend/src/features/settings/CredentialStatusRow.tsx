// "Expires": when the credential in use expires (or why that is unknown, or that Microsoft refused it).
import { FormRow } from '../../components/FormRow';
import type { SettingsCredentialStatusQuery } from '../../gql/graphql';
import { formatDateTime } from '../../lib/format';

export type CredentialStatus = SettingsCredentialStatusQuery['microsoftCredentialStatus'];

export function CredentialStatusRow({ status }: { status?: CredentialStatus | null }) {
  if (!status?.configured) return null;
  const warn = status.expiringSoon || status.rejectedAt;
  return (
    <FormRow id="credentialExpiry" label="Expires">
      {() => (
        <p id="credentialExpiry" className={warn ? 'field-error' : 'field-hint'} data-testid="credential-expiry">
          {status.expiresAt ? `${formatDateTime(status.expiresAt)}. ` : ''}
          {status.message ?? 'Not known yet: Test connection reads it.'}
        </p>
      )}
    </FormRow>
  );
}
