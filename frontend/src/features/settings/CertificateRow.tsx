// The certificate credential: thumbprint and expiry, "Generate certificate", an upload of a PEM key and certificate,
// and the download of the certificate to register in Azure. The private key never comes back from the server.
import { useState } from 'react';
import { FormRow } from '../../components/FormRow';
import { formatDateTime } from '../../lib/format';
import { groupUserErrors } from '../../lib/userErrors';
import type { MicrosoftSettings } from './formState';
import { HELP } from './help';
import { useCertificate, type CertificateOutcome } from './useCertificate';

type Props = {
  certificate: MicrosoftSettings['certificate'];
  onSaved: (settings: MicrosoftSettings, message: string) => void;
  onProblem: (message: string) => void;
};

const UPLOAD_FIELDS = ['privateKeyPem', 'certificatePem'] as const;

/** A .cer (PEM) file of the certificate, for Azure's Certificates & secrets > Upload certificate. */
export function certificateFile(pem: string): Blob {
  return new Blob([pem], { type: 'application/x-pem-file' });
}

export function certificateSummary(certificate: NonNullable<MicrosoftSettings['certificate']>): string {
  return `Thumbprint ${certificate.thumbprint}, valid until ${formatDateTime(certificate.notAfter)}`;
}

export function CertificateRow({ certificate, onSaved, onProblem }: Props) {
  const { busy, generate, upload } = useCertificate();
  const [uploadOpen, setUploadOpen] = useState(false);
  const [privateKeyPem, setPrivateKeyPem] = useState('');
  const [certificatePem, setCertificatePem] = useState('');
  const [errors, setErrors] = useState<Partial<Record<(typeof UPLOAD_FIELDS)[number], string[]>>>({});

  function settle(outcome: CertificateOutcome, message: string) {
    if (outcome.problem) return onProblem(outcome.problem);
    const grouped = groupUserErrors(outcome.errors, UPLOAD_FIELDS);
    setErrors(grouped.byField);
    if (grouped.general.length > 0) onProblem(grouped.general.join(' '));
    if (outcome.errors.length === 0 && outcome.settings) {
      setUploadOpen(false);
      setPrivateKeyPem('');
      setCertificatePem('');
      onSaved(outcome.settings, message);
    }
  }

  async function onGenerate() {
    if (certificate && !window.confirm('Replace the stored certificate with a new one?')) return;
    settle(await generate(), 'A new certificate was generated: download it and upload it in Azure.');
  }

  function download() {
    if (!certificate) return;
    const link = document.createElement('a');
    link.href = URL.createObjectURL(certificateFile(certificate.pem));
    link.download = 'm365-console.cer';
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  }

  return (
    <FormRow
      id="certificate"
      label="Certificate"
      help={HELP.certificate}
      hint={certificate ? `Subject ${certificate.subject}` : undefined}
    >
      {() => (
        <div className="certificate" id="certificate">
          <p className="certificate-summary" data-testid="certificate-summary">
            {certificate ? certificateSummary(certificate) : 'No certificate yet.'}
          </p>
          <div className="certificate-actions">
            <button type="button" className="btn" disabled={busy} onClick={() => void onGenerate()}>
              Generate certificate
            </button>
            <button type="button" className="btn" disabled={busy} onClick={() => setUploadOpen((open) => !open)}>
              Upload key and certificate
            </button>
            {certificate && (
              <button type="button" className="btn" onClick={download}>
                Download certificate (.cer)
              </button>
            )}
          </div>
          {uploadOpen && (
            <div className="certificate-upload">
              <label htmlFor="privateKeyPem">Private key (PEM)</label>
              <textarea
                id="privateKeyPem"
                rows={4}
                autoComplete="off"
                spellCheck={false}
                aria-invalid={errors.privateKeyPem ? true : undefined}
                value={privateKeyPem}
                onChange={(e) => setPrivateKeyPem(e.target.value)}
              />
              {errors.privateKeyPem && <div className="field-error">{errors.privateKeyPem.join(' ')}</div>}
              <label htmlFor="certificatePem">Certificate (PEM)</label>
              <textarea
                id="certificatePem"
                rows={4}
                spellCheck={false}
                aria-invalid={errors.certificatePem ? true : undefined}
                value={certificatePem}
                onChange={(e) => setCertificatePem(e.target.value)}
              />
              {errors.certificatePem && <div className="field-error">{errors.certificatePem.join(' ')}</div>}
              <button
                type="button"
                className="btn btn-primary"
                disabled={busy}
                onClick={() =>
                  void upload({ privateKeyPem, certificatePem }).then((outcome) =>
                    settle(outcome, 'The certificate was uploaded.'),
                  )
                }
              >
                Upload
              </button>
            </div>
          )}
        </div>
      )}
    </FormRow>
  );
}
