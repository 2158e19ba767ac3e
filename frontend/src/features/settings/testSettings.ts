// A Microsoft Settings object as the API returns it, for the settings tests.
import type { MicrosoftSettings } from './formState';

export function testSettings(overrides: Partial<MicrosoftSettings> = {}): MicrosoftSettings {
  return {
    clientId: { value: '11111111-2222-3333-4444-555555555555', useDefault: false, defaultValue: null },
    clientSecret: { isSet: true, source: 'STORED', setAt: '2025-01-02T10:00:00Z', setBy: 'admin' },
    tenant: { value: 'common', useDefault: true, defaultValue: 'common' },
    cloud: { value: 'GLOBAL', useDefault: true, defaultValue: 'GLOBAL' },
    redirectUri: 'https://console.example.com/login/oauth2/code/microsoft',
    redirectUriSource: 'CONFIGURED',
    requestBaseUrl: 'https://console.example.com',
    forwardedHeadersTrusted: false,
    cloudHosts: [
      {
        cloud: 'GLOBAL',
        login: 'https://login.microsoftonline.com',
        imap: 'outlook.office365.com:993',
        smtp: 'smtp.office365.com:587',
        graph: 'https://graph.microsoft.com',
      },
      {
        cloud: 'US_GOVERNMENT',
        login: 'https://login.microsoftonline.us',
        imap: 'outlook.office365.us:993',
        smtp: 'smtp.office365.us:587',
        graph: 'https://graph.microsoft.us',
      },
    ],
    mailPermissions: [
      {
        transport: 'IMAP',
        resource: 'https://outlook.office.com',
        api: 'Office 365 Exchange Online',
        delegated: ['IMAP.AccessAsUser.All', 'SMTP.Send', 'offline_access'],
        sharedMailbox: [],
      },
      {
        transport: 'GRAPH',
        resource: 'https://graph.microsoft.com',
        api: 'Microsoft Graph',
        delegated: ['Mail.ReadWrite', 'Mail.Send', 'offline_access'],
        sharedMailbox: ['Mail.ReadWrite.Shared', 'Mail.Send.Shared'],
      },
    ],
    signInEnabled: { value: false, useDefault: false, defaultValue: false },
    emailSyncEnabled: { value: false, useDefault: true, defaultValue: false },
    signInAllowedDomains: { value: ['contoso.com', 'fabrikam.com'], useDefault: false, defaultValue: [] },
    signInProvisioning: { value: 'EXISTING_USERS_ONLY', useDefault: true, defaultValue: 'EXISTING_USERS_ONLY' },
    credentialType: 'CLIENT_SECRET',
    certificate: null,
    ...overrides,
  };
}
