// Renders the Microsoft Settings form from a settings object: Save state, Use Default, secret, errors.
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
});
