// Help, hint and option texts of the Microsoft Settings fields, after Oro's documentation.
export const HELP = {
  clientId:
    'The client id generated on the Azure side when creating an active directory application. It is located on the main application page under Essentials. Selecting the Use Default checkbox resets the value.',
  clientSecret:
    'Provide the client secret value generated on the Azure side. Make sure to use the client secret value, not the secret ID.',
  tenant:
    'The directory id generated on the Azure side when creating an active directory application. It is located on the main application page under Essentials.',
  credentialType:
    'How the console proves to Microsoft that it is your application: with the client secret, or with a certificate whose private key stays here (Microsoft recommends certificates; secrets expire after at most 24 months).',
  certificate:
    'Generate a key pair here (or upload your own PEM key and certificate), download the certificate and upload it in Azure under Certificates & secrets > Certificates. The private key is stored encrypted and never shown.',
  cloud: 'The Microsoft cloud your tenant lives in; it selects the sign-in host and the mail hosts.',
  redirectUri:
    'Copy this value and add it to your Azure Application trusted redirect URIs in order to complete the connection.',
  signInEnabled:
    'Lets users sign in with their Microsoft 365 account. Requires the client ID, the client secret and the tenant.',
  emailSyncEnabled:
    'Lets users connect their Microsoft 365 mailbox over OAuth and keeps it synchronised. Requires the client ID, the client secret and the tenant.',
  signInAllowedDomains:
    'Only Microsoft 365 accounts whose e-mail address ends in one of these domains may sign in. Leave empty to allow every account of the tenant.',
  signInProvisioning:
    'What happens when someone without a local account (matched by e-mail address) signs in with Microsoft 365: refuse them, or create a user with the role User.',
} as const;

export const TENANT_HINT =
  'A GUID, a verified domain such as contoso.onmicrosoft.com, or organizations / common / consumers';
export const REDIRECT_HINT = "Add this exact value to your Azure application's redirect URIs (platform: Web)";

/** Why the Redirect URI may be wrong while m365.public-base-url is unset, and what it was taken from. */
export function redirectFromRequest(requestBaseUrl: string, forwardedHeadersTrusted: boolean): string {
  const from = forwardedHeadersTrusted
    ? 'X-Forwarded-Host / Forwarded headers of your proxy, else the Host header'
    : 'the Host header';
  return (
    `The public base URL is not configured. Taken from the address your browser used: ${requestBaseUrl} (${from}). ` +
    'Set m365.public-base-url to fix it.'
  );
}

export const DOMAINS_HINT = 'One domain per line, such as contoso.com; empty: any domain';
export const TEST_NEEDS_SAVE = 'Save the settings first: Test connection checks the saved settings.';

export const PROVISIONING = [
  { value: 'EXISTING_USERS_ONLY', label: 'Only existing users may sign in' },
  { value: 'CREATE_ON_FIRST_SIGN_IN', label: 'Create users at their first sign-in' },
] as const;

export const CLOUDS = [
  { value: 'GLOBAL', label: 'Global' },
  { value: 'US_GOVERNMENT', label: 'US Government' },
  { value: 'CHINA', label: 'China' },
] as const;

export const CREDENTIAL_TYPES = [
  { value: 'CLIENT_SECRET', label: 'Client secret' },
  { value: 'CERTIFICATE', label: 'Certificate' },
] as const;

export const SETTING_LABELS: Record<string, string> = {
  credentialType: 'Credential',
  certificate: 'Certificate',
  certificateKey: 'Certificate private key',
  clientId: 'Application (Client) ID',
  clientSecret: 'Client Secret',
  tenant: 'Directory (Tenant) ID',
  cloud: 'Cloud',
  signInEnabled: 'Enable Microsoft 365 sign-in',
  emailSyncEnabled: 'Enable Emails Sync',
  signInAllowedDomains: 'Allowed e-mail domains',
  signInProvisioning: 'New users',
};
