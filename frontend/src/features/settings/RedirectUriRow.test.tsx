// The Redirect URI row says when the value is not configured but taken from the request, and from which address.
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MicrosoftSettingsForm } from './MicrosoftSettingsForm';
import { testSettings } from './testSettings';

afterEach(cleanup);

const redirectDescription = () =>
  (screen.getByLabelText('Redirect URI').getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');

describe('Redirect URI row', () => {
  it('warns that the public base URL is not configured and names the Host header it came from', () => {
    render(
      <MicrosoftSettingsForm
        settings={testSettings({
          redirectUri: 'http://localhost:8080/login/oauth2/code/microsoft',
          redirectUriSource: 'REQUEST',
          requestBaseUrl: 'http://localhost:8080',
          forwardedHeadersTrusted: false,
        })}
        onSave={vi.fn()}
      />,
    );
    expect(screen.getByLabelText<HTMLInputElement>('Redirect URI').value).toBe(
      'http://localhost:8080/login/oauth2/code/microsoft',
    );
    expect(screen.getByRole('note').textContent).toBe(
      'The public base URL is not configured. Taken from the address your browser used: http://localhost:8080 ' +
        '(the Host header). Set m365.public-base-url to fix it. ',
    );
    expect(redirectDescription()).toContain('Set m365.public-base-url to fix it.');
  });

  it('names the proxy headers when they are trusted', () => {
    render(
      <MicrosoftSettingsForm
        settings={testSettings({
          redirectUriSource: 'REQUEST',
          requestBaseUrl: 'https://console.example.com',
          forwardedHeadersTrusted: true,
        })}
        onSave={vi.fn()}
      />,
    );
    expect(screen.getByRole('note').textContent).toContain(
      'https://console.example.com (X-Forwarded-Host / Forwarded headers of your proxy, else the Host header).',
    );
  });

  it('says nothing more once the public base URL is configured', () => {
    render(<MicrosoftSettingsForm settings={testSettings({ redirectUriSource: 'CONFIGURED' })} onSave={vi.fn()} />);
    expect(screen.queryByRole('note')).toBeNull();
    expect(redirectDescription()).not.toContain('not configured');
  });
});
