// Generates or uploads the certificate credential; answers the settings with it, or the errors to show.
import { useMutation, type CombinedError } from 'urql';
import { accessDenied } from '../../lib/accessDenied';
import type { UserErrorLike } from '../../lib/userErrors';
import { GenerateMicrosoftCertificateMutation, UploadMicrosoftCertificateMutation } from './documents';
import type { MicrosoftSettings } from './formState';

export type CertificateOutcome = { settings?: MicrosoftSettings; errors: readonly UserErrorLike[]; problem?: string };

export type CertificateUpload = { privateKeyPem: string; certificatePem: string };

function problem(error: CombinedError | undefined): string {
  return accessDenied(error)
    ? 'You may not change the certificate.'
    : `The certificate was not saved. ${error?.message ?? ''}`.trim();
}

export function useCertificate() {
  const [{ fetching: generating }, runGenerate] = useMutation(GenerateMicrosoftCertificateMutation);
  const [{ fetching: uploading }, runUpload] = useMutation(UploadMicrosoftCertificateMutation);

  async function generate(): Promise<CertificateOutcome> {
    const result = await runGenerate({ input: { validityMonths: 24 } });
    const payload = result.data?.generateMicrosoftCertificate;
    return payload
      ? { settings: payload.settings, errors: payload.errors }
      : { errors: [], problem: problem(result.error) };
  }

  async function upload(input: CertificateUpload): Promise<CertificateOutcome> {
    const result = await runUpload({ input });
    const payload = result.data?.uploadMicrosoftCertificate;
    return payload
      ? { settings: payload.settings, errors: payload.errors }
      : { errors: [], problem: problem(result.error) };
  }

  return { busy: generating || uploading, generate, upload };
}
