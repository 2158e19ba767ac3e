// The admin's Dashboard line about the Microsoft credential: when it expires, or that Microsoft refused it.
import { Link } from 'react-router-dom';
import type { DashboardQuery } from '../../gql/graphql';

type Credential = NonNullable<DashboardQuery['dashboard']['credential']>;

export const SETTINGS_PATH = '/system/config/integrations/microsoft';

export function credentialTone(credential: Credential): 'error' | 'warning' | 'ok' | 'muted' {
  if (!credential.configured) return 'muted';
  if (credential.rejectedAt || (credential.expiresInDays != null && credential.expiresInDays < 0)) return 'error';
  if (credential.expiringSoon) return 'warning';
  return credential.expiresInDays == null ? 'muted' : 'ok';
}

export function CredentialSummary({ credential }: { credential: Credential }) {
  const tone = credentialTone(credential);
  return (
    <p className={`dashboard-credential tone-${tone}`}>
      {credential.configured
        ? (credential.message ?? 'When the credential expires is not known yet.')
        : 'No Microsoft registration is saved: nobody can sign in with Microsoft 365 or connect a mailbox.'}{' '}
      <Link to={SETTINGS_PATH}>Open Microsoft Settings</Link>
    </p>
  );
}
