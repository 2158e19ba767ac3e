// The admins' banner: nothing while the credential is fine, a warning 30 days ahead, an error when Microsoft refused
// it, appearing live when the server pushes a new status.
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderWithStubs } from '../../lib/testing';
import { bannerLevel, CredentialBanner } from './CredentialBanner';

afterEach(cleanup);

const fine = {
  configured: true,
  kind: 'CLIENT_SECRET',
  expiresAt: '2027-06-01T00:00:00Z',
  expiresInDays: 200,
  expiringSoon: false,
  rejectedAt: null,
  message: 'The client secret expires on 1 Jun 2027 (in 200 days).',
} as const;

describe('CredentialBanner', () => {
  it('says nothing while the credential is fine, then appears live when Microsoft refuses it', async () => {
    const { push, subscribed } = renderWithStubs(<CredentialBanner />, {});
    await subscribed('MicrosoftCredentialStatus');
    push('MicrosoftCredentialStatus', { microsoftCredentialStatus: fine });
    expect(screen.queryByRole('alert')).toBeNull();

    push('MicrosoftCredentialStatus', {
      microsoftCredentialStatus: {
        ...fine,
        rejectedAt: '2026-12-02T08:00:00Z',
        message: 'Microsoft refused the client secret as expired (AADSTS7000222).',
      },
    });

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Microsoft refused the app’s credential.');
    expect(alert.textContent).toContain('AADSTS7000222');
    expect(screen.getByRole('link', { name: 'Open Microsoft Settings' }).getAttribute('href')).toBe(
      '/system/config/integrations/microsoft',
    );
  });

  it('warns from 30 days ahead, alarms once expired, and ignores a missing registration', () => {
    expect(bannerLevel({ ...fine, expiresInDays: 10, expiringSoon: true })).toBe('warning');
    expect(bannerLevel({ ...fine, expiresInDays: -1, expiringSoon: true })).toBe('error');
    expect(bannerLevel(fine)).toBeNull();
    expect(bannerLevel({ ...fine, configured: false, expiringSoon: true })).toBeNull();
  });
});
