// For admins, on every page: the Microsoft credential expires within 30 days, has expired, or Microsoft refused it
// (AADSTS7000222). Live: the server pushes each change, so the banner appears without a reload.
import { Link } from 'react-router-dom';
import { useSubscription } from 'urql';
import type { MicrosoftCredentialStatusSubscription as Status } from '../../gql/graphql';
import { MicrosoftCredentialStatusSubscription } from './documents';

type CredentialStatus = Status['microsoftCredentialStatus'];

export const SETTINGS_PATH = '/system/config/integrations/microsoft';

/** Whether the status needs the admin's attention, and how urgently. */
export function bannerLevel(status: CredentialStatus | undefined): 'error' | 'warning' | null {
  if (!status?.configured) return null;
  if (status.rejectedAt || (status.expiresInDays != null && status.expiresInDays < 0)) return 'error';
  return status.expiringSoon ? 'warning' : null;
}

export function CredentialBanner() {
  const [{ data }] = useSubscription({ query: MicrosoftCredentialStatusSubscription });
  const status = data?.microsoftCredentialStatus;
  const level = bannerLevel(status);
  if (!status || !level) return null;
  return (
    <div className={`flash flash-${level === 'error' ? 'error' : 'warning'} credential-banner`} role="alert">
      <strong>
        {status.rejectedAt ? 'Microsoft refused the app’s credential. ' : 'The app’s credential expires soon. '}
      </strong>
      {status.message} <Link to={SETTINGS_PATH}>Open Microsoft Settings</Link>
    </div>
  );
}
