// The credential rows: "Client secret" or "Certificate", then the secret's field or the certificate's row.
import { FormRow } from '../../components/FormRow';
import type { MicrosoftCredentialType } from '../../gql/graphql';
import { CertificateRow } from './CertificateRow';
import type { MicrosoftSettings, SettingsForm } from './formState';
import { CREDENTIAL_TYPES, HELP } from './help';
import { SecretRow } from './SecretRow';

type Props = {
  settings: MicrosoftSettings;
  form: SettingsForm;
  errors: Partial<Record<string, string[]>>;
  onTypeChange: (type: MicrosoftCredentialType) => void;
  onSecretChange: (value: SettingsForm['clientSecret']) => void;
  onCertificateSaved: (settings: MicrosoftSettings, message: string) => void;
  onProblem: (message: string) => void;
};

export function CredentialRows(props: Props) {
  const { settings, form, errors, onTypeChange, onSecretChange, onCertificateSaved, onProblem } = props;
  return (
    <>
      <FormRow id="credentialType" label="Credential" help={HELP.credentialType} errors={errors.credentialType}>
        {() => (
          <div role="radiogroup" aria-labelledby="credentialType-label" className="radio-group" id="credentialType">
            {CREDENTIAL_TYPES.map((option) => (
              <label key={option.value} className="inline-check">
                <input
                  type="radio"
                  name="credentialType"
                  value={option.value}
                  checked={form.credentialType === option.value}
                  onChange={() => onTypeChange(option.value)}
                />{' '}
                {option.label}
              </label>
            ))}
          </div>
        )}
      </FormRow>
      {form.credentialType === 'CERTIFICATE' ? (
        <CertificateRow certificate={settings.certificate} onSaved={onCertificateSaved} onProblem={onProblem} />
      ) : (
        <SecretRow
          secret={settings.clientSecret}
          value={form.clientSecret}
          errors={errors.clientSecret}
          onChange={onSecretChange}
        />
      )}
    </>
  );
}
