// The consent link appears for a consent error and only then.
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { MicrosoftErrorDetails } from './MicrosoftErrorDetails';

afterEach(cleanup);

const consentNeeded = {
  error: 'consent_required',
  aadsts: 'AADSTS65001',
  message: 'The application’s permissions need consent.',
  consentUrl: 'https://login.microsoftonline.com/contoso.com/adminconsent?client_id=abc',
};

describe('MicrosoftErrorDetails', () => {
  it('links to the admin-consent page for a consent error', () => {
    render(<MicrosoftErrorDetails error={consentNeeded} />);
    expect(screen.getByRole('link', { name: /grant admin consent/i }).getAttribute('href')).toBe(
      consentNeeded.consentUrl,
    );
  });

  it('shows no consent link for other errors', () => {
    render(<MicrosoftErrorDetails error={{ ...consentNeeded, aadsts: 'AADSTS53003', consentUrl: null }} />);
    expect(screen.queryByRole('link')).toBeNull();
  });
});
