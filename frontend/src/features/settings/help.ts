// Help and hint texts of the Microsoft Settings fields, after Oro's documentation.
export const HELP = {
  clientId:
    'The client id generated on the Azure side when creating an active directory application. It is located on the main application page under Essentials. Selecting the Use Default checkbox resets the value.',
  clientSecret:
    'Provide the client secret value generated on the Azure side. Make sure to use the client secret value, not the secret ID.',
  tenant:
    'The directory id generated on the Azure side when creating an active directory application. It is located on the main application page under Essentials.',
  cloud: 'The Microsoft cloud your tenant lives in; it selects the sign-in host and the mail hosts.',
  redirectUri:
    'Copy this value and add it to your Azure Application trusted redirect URIs in order to complete the connection.',
  signInEnabled:
    'Lets users sign in with their Microsoft 365 account. Requires the client ID, the client secret and the tenant.',
  emailSyncEnabled:
    'Lets users connect their Microsoft 365 mailbox over OAuth and keeps it synchronised. Requires the client ID, the client secret and the tenant.',
} as const;

export const TENANT_HINT =
  'A GUID, a verified domain such as contoso.onmicrosoft.com, or organizations / common / consumers';
export const REDIRECT_HINT = "Add this exact value to your Azure application's redirect URIs (platform: Web)";

export const CLOUDS = [
  { value: 'GLOBAL', label: 'Global' },
  { value: 'US_GOVERNMENT', label: 'US Government' },
  { value: 'CHINA', label: 'China' },
] as const;

export const SETTING_LABELS: Record<string, string> = {
  clientId: 'Application (Client) ID',
  clientSecret: 'Client Secret',
  tenant: 'Directory (Tenant) ID',
  cloud: 'Cloud',
  signInEnabled: 'Enable Microsoft 365 sign-in',
  emailSyncEnabled: 'Enable Emails Sync',
};
