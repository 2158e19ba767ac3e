// The write-only Client Secret row: where the secret comes from, a field to replace it, and "Clear".
import { FormRow } from '../../components/FormRow';
import { formatDateTime } from '../../lib/format';
import type { MicrosoftSettings, SettingsForm } from './formState';
import { HELP } from './help';

type Props = {
  secret: MicrosoftSettings['clientSecret'];
  value: SettingsForm['clientSecret'];
  errors?: readonly string[];
  onChange: (value: SettingsForm['clientSecret']) => void;
};

export function secretStatus(secret: MicrosoftSettings['clientSecret']): string {
  switch (secret.source) {
    case 'STORED':
      return `Set on ${formatDateTime(secret.setAt)} by ${secret.setBy ?? 'an unknown user'}`;
    case 'DEFAULT':
      return 'Using the default from server configuration';
    default:
      return 'Not set';
  }
}

export function SecretRow({ secret, value, errors, onChange }: Props) {
  return (
    <FormRow
      id="clientSecret"
      label="Client Secret"
      help={HELP.clientSecret}
      errors={errors}
      hint={secretStatus(secret)}
    >
      {(describedBy) => (
        <>
          <input
            id="clientSecret"
            type="password"
            autoComplete="new-password"
            placeholder="Enter a new secret to replace it"
            aria-describedby={describedBy}
            aria-invalid={errors?.length ? true : undefined}
            disabled={value.clear}
            value={value.replaceWith}
            onChange={(e) => onChange({ ...value, replaceWith: e.target.value })}
          />
          {secret.source === 'STORED' && (
            <label className="inline-check">
              <input
                type="checkbox"
                checked={value.clear}
                onChange={(e) => onChange({ replaceWith: '', clear: e.target.checked })}
              />{' '}
              Clear the stored secret
            </label>
          )}
        </>
      )}
    </FormRow>
  );
}
