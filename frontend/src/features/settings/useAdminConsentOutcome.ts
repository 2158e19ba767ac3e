// After Microsoft's admin-consent page sends the browser back (?adminConsent=granted|refused): says, once, how it went.
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';

export type AdminConsentOutcome = { granted: boolean; text: string };

export function adminConsentOutcome(result: string | null, aadsts: string | null): AdminConsentOutcome | null {
  if (result === 'granted') {
    return {
      granted: true,
      text: 'Admin consent was granted: users of the tenant can now sign in and connect their mailboxes.',
    };
  }
  if (result === 'refused') {
    const code = aadsts && /^AADSTS\d+$/.test(aadsts) ? ` (${aadsts})` : '';
    return {
      granted: false,
      text: `Admin consent was not granted${code}: an administrator of the tenant must accept the permissions.`,
    };
  }
  return null;
}

export function useAdminConsentOutcome(): AdminConsentOutcome | null {
  const [params, setParams] = useSearchParams();
  const [outcome] = useState(() => adminConsentOutcome(params.get('adminConsent'), params.get('aadsts')));

  useEffect(() => {
    if (!params.has('adminConsent')) return;
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        next.delete('adminConsent');
        next.delete('aadsts');
        return next;
      },
      { replace: true },
    );
  }, [params, setParams]);

  return outcome;
}
