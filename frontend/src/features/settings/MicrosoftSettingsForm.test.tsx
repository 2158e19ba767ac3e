// Renders the Microsoft Settings form from a settings object: Save and Test connection state, Use Default, secret, sign-in rows, errors.
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MicrosoftSettingsForm } from './MicrosoftSettingsForm';
import { testSettings } from './testSettings';

afterEach(cleanup);

const saveButton = () => screen.getByRole<HTMLButtonElement>('button', { name: 'Save Settings' });
const field = (label: string) => screen.getByLabelText<HTMLInputElement>(label);
const description = (el: HTMLElement) =>
  (el.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => (id ? document.getElementById(id)?.textContent : ''))
    .join(' ');

describe('MicrosoftSettingsForm', () => {
  it('keeps Save Settings disabled until something changes, then sends only the change', () => {
    const onSave = vi.fn();
    render(<MicrosoftSettingsForm settings={testSettings()} onSave={onSave} />);
    expect(saveButton().disabled).toBe(true);

    const clientId = screen.getByLabelText('Application (Client) ID');
    fireEvent.change(clientId, { target: { value: 'not-a-guid' } });
    expect(saveButton().disabled).toBe(false);

    fireEvent.change(clientId, { target: { value: '11111111-2222-3333-4444-555555555555' } });
    expect(saveButton().disabled).toBe(true);

    fireEvent.click(screen.getByLabelText('Enable Microsoft 365 sign-in'));
    fireEvent.click(saveButton());
    expect(onSave).toHaveBeenCalledWith({ signInEnabled: { value: true, useDefault: false } });
  });

  it('shows the hosts the chosen Cloud implies, following the choice before it is saved', () => {
    render(<MicrosoftSettingsForm settings={testSettings()} onSave={vi.fn()} />);
    const cloud = field('Cloud');
    expect(description(cloud)).toMatch(
      /login\.microsoftonline\.com.*outlook\.office365\.com:993.*smtp\.office365\.com:587/,
    );

    fireEvent.click(document.getElementById('cloud-use-default')!);
    fireEvent.change(cloud, { target: { value: 'US_GOVERNMENT' } });

    expect(description(cloud)).toMatch(
      /login\.microsoftonline\.us.*outlook\.office365\.us:993.*smtp\.office365\.us:587/,
    );
  });

  it('lists the delegated permissions each mailbox transport needs, shared mailboxes included', () => {
    render(<MicrosoftSettingsForm settings={testSettings()} onSave={vi.fn()} />);
    const list = screen.getByLabelText('Delegated permissions per transport');
    const rows = [...list.querySelectorAll('div')].map((row) => row.textContent);
    expect(rows).toEqual([
      'IMAP and SMTPOffice 365 Exchange Online (https://outlook.office.com): IMAP.AccessAsUser.All, SMTP.Send, offline_access',
      'Microsoft GraphMicrosoft Graph (https://graph.microsoft.com): Mail.ReadWrite, Mail.Send, offline_access; shared ' +
        'mailboxes also Mail.ReadWrite.Shared, Mail.Send.Shared',
    ]);
  });

  it('shows the default greyed and disabled while "Use Default" is ticked', () => {
    render(<MicrosoftSettingsForm settings={testSettings()} onSave={vi.fn()} />);
    const tenant = field('Directory (Tenant) ID');
    expect(tenant.disabled).toBe(true);
    expect(tenant.value).toBe('common');
    expect(description(tenant)).toMatch(/verified domain such as contoso.onmicrosoft.com/);
    fireEvent.click(document.getElementById('tenant-use-default')!);
    expect(tenant.disabled).toBe(false);
    expect(saveButton().disabled).toBe(false);
  });

  it('never prefills the secret and says who set it', () => {
    render(<MicrosoftSettingsForm settings={testSettings()} onSave={vi.fn()} />);
    expect(field('Client Secret').value).toBe('');
    expect(screen.getByText(/^Set on .+ by admin$/)).toBeTruthy();
    fireEvent.click(screen.getByLabelText('Clear the stored secret'));
    expect(field('Client Secret').disabled).toBe(true);
    expect(saveButton().disabled).toBe(false);
  });

  it('describes a secret from the server configuration, without a Clear option', () => {
    const settings = testSettings({ clientSecret: { isSet: true, source: 'DEFAULT', setAt: null, setBy: null } });
    render(<MicrosoftSettingsForm settings={settings} onSave={vi.fn()} />);
    expect(screen.getByText('Using the default from server configuration')).toBeTruthy();
    expect(screen.queryByLabelText('Clear the stored secret')).toBeNull();
  });

  it('shows each payload error under its field, linked with aria-describedby', () => {
    const errors = [
      { field: 'clientId.value', message: 'The client ID must be a GUID.' },
      { field: 'clientSecret.replaceWith', message: 'This looks like the secret ID; paste the secret value.' },
    ];
    render(<MicrosoftSettingsForm settings={testSettings()} errors={errors} onSave={vi.fn()} />);
    expect(description(field('Application (Client) ID'))).toBe('The client ID must be a GUID.');
    expect(description(field('Client Secret'))).toMatch(/^This looks like the secret ID.*Set on/);
    expect(description(field('Directory (Tenant) ID'))).not.toMatch(/must be a GUID/);
  });

  it('shows the Redirect URI read-only', () => {
    render(<MicrosoftSettingsForm settings={testSettings()} onSave={vi.fn()} />);
    const uri = field('Redirect URI');
    expect(uri.readOnly).toBe(true);
    expect(uri.value).toBe('https://console.example.com/login/oauth2/code/microsoft');
    expect(screen.getByRole('button', { name: 'Copy' })).toBeTruthy();
  });

  it('offers Test connection only while nothing is unsaved, and says why', () => {
    const onTest = vi.fn();
    render(<MicrosoftSettingsForm settings={testSettings()} onSave={vi.fn()} onTest={onTest} />);
    const test = screen.getByRole<HTMLButtonElement>('button', { name: 'Test connection' });
    expect(test.disabled).toBe(false);
    fireEvent.click(test);
    expect(onTest).toHaveBeenCalledTimes(1);
    fireEvent.change(field('Application (Client) ID'), { target: { value: 'changed' } });
    expect(test.disabled).toBe(true);
    expect(test.title).toBe('Save the settings first: Test connection checks the saved settings.');
  });

  it('edits the allowed domains one per line and the new-users choice, sending only those', () => {
    const onSave = vi.fn();
    render(<MicrosoftSettingsForm settings={testSettings()} onSave={onSave} />);
    const domains = screen.getByLabelText<HTMLTextAreaElement>('Allowed e-mail domains');
    expect(domains.tagName).toBe('TEXTAREA');
    expect(domains.value).toBe('contoso.com\nfabrikam.com');
    expect(description(domains)).toMatch(/One domain per line/);
    fireEvent.change(domains, { target: { value: 'contoso.com\nfabrikam.com\n' } });
    expect(saveButton().disabled).toBe(true);
    fireEvent.change(domains, { target: { value: 'contoso.com\nTailspin.io' } });

    const newUsers = screen.getByLabelText<HTMLSelectElement>('New users');
    expect(newUsers.disabled).toBe(true);
    expect(newUsers.selectedOptions[0].textContent).toBe('Only existing users may sign in');
    fireEvent.click(document.getElementById('signInProvisioning-use-default')!);
    fireEvent.change(newUsers, { target: { value: 'CREATE_ON_FIRST_SIGN_IN' } });
    expect(newUsers.selectedOptions[0].textContent).toBe('Create users at their first sign-in');

    fireEvent.click(saveButton());
    expect(onSave).toHaveBeenCalledWith({
      signInAllowedDomains: { value: ['contoso.com', 'tailspin.io'], useDefault: false },
      signInProvisioning: { value: 'CREATE_ON_FIRST_SIGN_IN', useDefault: false },
    });
  });

  it('shows the sign-in settings in their own fieldset, with errors under the domains', () => {
    const errors = [{ field: 'signInAllowedDomains.value', message: 'Not a domain: x@y.' }];
    render(<MicrosoftSettingsForm settings={testSettings()} errors={errors} onSave={vi.fn()} />);
    const fieldset = screen.getByRole('region', { name: 'Microsoft 365 Sign-in' });
    expect(fieldset.contains(field('Enable Microsoft 365 sign-in'))).toBe(true);
    expect(description(screen.getByLabelText('Allowed e-mail domains'))).toMatch(/^Not a domain: x@y\./);
  });
});
