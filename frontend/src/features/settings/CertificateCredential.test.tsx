// The credential choice on Microsoft Settings: Certificate shows the certificate row; generating shows its thumbprint
// and offers the download; Save sends the choice; an upload's refusals appear under their fields.
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderWithStubs } from '../../lib/testing';
import { certificateFile } from './CertificateRow';
import { MicrosoftSettingsSection } from './MicrosoftSettingsSection';
import { testSettings } from './testSettings';

afterEach(cleanup);

const certificate = {
  thumbprint: 'A1B2C3D4E5F60718293A4B5C6D7E8F9012345678',
  subject: 'CN=M365 Console',
  notBefore: '2026-01-01T00:00:00Z',
  notAfter: '2028-01-01T00:00:00Z',
  pem: '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n',
  setAt: '2026-01-01T00:00:00Z',
  setBy: 'alice',
};

function renderSection(uploadErrors: { field: string; code: string; message: string }[] = []) {
  return renderWithStubs(<MicrosoftSettingsSection />, {
    MicrosoftSettings: () => ({ microsoftSettings: testSettings() }),
    SettingChanges: () => ({ settingChanges: [] }),
    GenerateMicrosoftCertificate: () => ({
      generateMicrosoftCertificate: { settings: testSettings({ certificate }), errors: [] },
    }),
    UploadMicrosoftCertificate: () => ({
      uploadMicrosoftCertificate: { settings: testSettings(), errors: uploadErrors },
    }),
    UpdateMicrosoftSettings: () => ({
      updateMicrosoftSettings: { settings: testSettings({ certificate, credentialType: 'CERTIFICATE' }), errors: [] },
    }),
  });
}

describe('Certificate credential', () => {
  it('generates a certificate, shows its thumbprint, offers the download and saves the choice', async () => {
    const { of, push, subscribed } = renderSection();
    await subscribed('SettingsCredentialStatus');
    push('SettingsCredentialStatus', {
      microsoftCredentialStatus: {
        configured: true,
        kind: 'CLIENT_SECRET',
        expiresAt: '2026-12-12T00:00:00Z',
        expiringSoon: true,
        rejectedAt: null,
        message: 'The client secret expires on 12 Dec 2026 (in 10 days): create a new one.',
      },
    });
    expect((await screen.findByTestId('credential-expiry')).textContent).toContain('in 10 days');

    fireEvent.click(await screen.findByRole('radio', { name: 'Certificate' }));
    expect(screen.queryByLabelText('Client Secret')).toBeNull();
    expect(screen.getByTestId('certificate-summary').textContent).toBe('No certificate yet.');
    fireEvent.click(screen.getByRole('button', { name: 'Generate certificate' }));

    await waitFor(() =>
      expect(screen.getByTestId('certificate-summary').textContent).toContain(certificate.thumbprint),
    );
    expect(screen.getByRole('status').textContent).toContain('download it and upload it in Azure');
    expect(screen.getByRole('button', { name: 'Download certificate (.cer)' })).toBeTruthy();
    expect(of('GenerateMicrosoftCertificate')[0].variables).toEqual({ input: { validityMonths: 24 } });

    fireEvent.click(screen.getByRole('button', { name: 'Save Settings' }));
    await waitFor(() => expect(of('UpdateMicrosoftSettings')).toHaveLength(1));
    expect(of('UpdateMicrosoftSettings')[0].variables).toEqual({ input: { credentialType: 'CERTIFICATE' } });
  });

  it('shows an upload refusal under its field and keeps nothing', async () => {
    const { of } = renderSection([
      { field: 'privateKeyPem', code: 'KEY_DOES_NOT_MATCH_CERTIFICATE', message: 'The key does not belong.' },
    ]);
    fireEvent.click(await screen.findByRole('radio', { name: 'Certificate' }));
    fireEvent.click(screen.getByRole('button', { name: 'Upload key and certificate' }));
    fireEvent.change(screen.getByLabelText('Private key (PEM)'), { target: { value: 'KEY' } });
    fireEvent.change(screen.getByLabelText('Certificate (PEM)'), { target: { value: 'CERT' } });
    fireEvent.click(screen.getByRole('button', { name: 'Upload' }));

    expect(await screen.findByText('The key does not belong.')).toBeTruthy();
    expect(of('UploadMicrosoftCertificate')[0].variables).toEqual({
      input: { privateKeyPem: 'KEY', certificatePem: 'CERT' },
    });
    expect(screen.getByTestId('certificate-summary').textContent).toBe('No certificate yet.');
  });

  it('downloads the certificate as a PEM file', () => {
    const file = certificateFile(certificate.pem);
    expect(file.type).toBe('application/x-pem-file');
    expect(file.size).toBe(certificate.pem.length);
  });
});
