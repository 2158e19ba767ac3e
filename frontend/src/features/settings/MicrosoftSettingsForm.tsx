// The Microsoft Settings form: Oro's fieldsets and rows, "Save Settings" once something changed, "Test connection" once saved.
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { Fieldset } from '../../components/Fieldset';
import type { UpdateMicrosoftSettingsInput } from '../../gql/graphql';
import { groupUserErrors, type UserErrorLike } from '../../lib/userErrors';
import { buildUpdateInput, formFromSettings, ROWS, type MicrosoftSettings, type SettingsForm } from './formState';
import { CLOUDS, HELP, TENANT_HINT, TEST_NEEDS_SAVE } from './help';
import { CloudHostsHint } from './CloudHostsHint';
import { CredentialRows } from './CredentialRows';
import { CredentialStatusRow, type CredentialStatus } from './CredentialStatusRow';
import { MailPermissionsRow } from './MailPermissionsRow';
import { RedirectUriRow } from './RedirectUriRow';
import { BooleanSettingRow, SelectSettingRow, TextSettingRow } from './SettingRows';
import { SignInFieldset } from './SignInFieldset';

type Props = {
  settings: MicrosoftSettings;
  errors?: readonly UserErrorLike[];
  saving?: boolean;
  testing?: boolean;
  onSave: (input: UpdateMicrosoftSettingsInput) => void;
  onTest?: () => void;
  onDirtyChange?: (dirty: boolean) => void;
  onCertificateSaved?: (settings: MicrosoftSettings, message: string) => void;
  onProblem?: (message: string) => void;
  credentialStatus?: CredentialStatus | null;
};

export function MicrosoftSettingsForm(props: Props) {
  const { settings: s, errors = [], saving = false, testing = false, onSave, onTest, onDirtyChange } = props;
  const { onCertificateSaved = () => undefined, onProblem = () => undefined, credentialStatus } = props;
  const base = useMemo(() => formFromSettings(s), [s]);
  const [form, setForm] = useState(base);
  const input = useMemo(() => buildUpdateInput(base, form), [base, form]);
  const dirty = Object.keys(input).length > 0;
  const rowErrors = groupUserErrors(errors, ROWS).byField;
  const set =
    <K extends keyof SettingsForm>(key: K) =>
    (value: SettingsForm[K]) =>
      setForm((f) => ({ ...f, [key]: value }));

  useEffect(() => onDirtyChange?.(dirty), [dirty, onDirtyChange]);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (dirty) onSave(input);
  }

  return (
    <form onSubmit={submit} noValidate>
      <div className="section-header">
        <h2>Microsoft Settings</h2>
        <div className="section-actions">
          {onTest && (
            <button
              type="button"
              className="btn"
              disabled={dirty || testing}
              title={dirty ? TEST_NEEDS_SAVE : undefined}
              onClick={onTest}
            >
              {testing ? 'Testing…' : 'Test connection'}
            </button>
          )}
          <button type="submit" className="btn btn-primary" disabled={!dirty || saving}>
            Save Settings
          </button>
        </div>
      </div>
      <Fieldset legend="Azure Active Directory Application Settings">
        <TextSettingRow
          id="clientId"
          label="Application (Client) ID"
          help={HELP.clientId}
          errors={rowErrors.clientId}
          setting={form.clientId}
          defaultValue={s.clientId.defaultValue ?? ''}
          onChange={set('clientId')}
        />
        <CredentialRows
          settings={s}
          form={form}
          errors={rowErrors}
          onTypeChange={set('credentialType')}
          onSecretChange={set('clientSecret')}
          onCertificateSaved={onCertificateSaved}
          onProblem={onProblem}
        />
        <CredentialStatusRow status={credentialStatus} />
        <TextSettingRow
          id="tenant"
          label="Directory (Tenant) ID"
          help={HELP.tenant}
          hint={TENANT_HINT}
          errors={rowErrors.tenant}
          setting={form.tenant}
          defaultValue={s.tenant.defaultValue ?? ''}
          onChange={set('tenant')}
        />
        <SelectSettingRow
          id="cloud"
          label="Cloud"
          options={CLOUDS}
          help={HELP.cloud}
          hint={
            <CloudHostsHint
              hosts={s.cloudHosts}
              cloud={form.cloud.useDefault ? s.cloud.defaultValue : form.cloud.value}
            />
          }
          errors={rowErrors.cloud}
          setting={form.cloud}
          defaultValue={s.cloud.defaultValue}
          onChange={set('cloud')}
        />
        <RedirectUriRow
          value={s.redirectUri}
          source={s.redirectUriSource}
          requestBaseUrl={s.requestBaseUrl}
          forwardedHeadersTrusted={s.forwardedHeadersTrusted}
        />
      </Fieldset>
      <Fieldset legend="Microsoft 365 Integrations">
        <BooleanSettingRow
          id="emailSyncEnabled"
          label="Enable Emails Sync"
          help={HELP.emailSyncEnabled}
          errors={rowErrors.emailSyncEnabled}
          setting={form.emailSyncEnabled}
          defaultValue={s.emailSyncEnabled.defaultValue}
          onChange={set('emailSyncEnabled')}
        />
        <MailPermissionsRow permissions={s.mailPermissions} />
      </Fieldset>
      <SignInFieldset settings={s} form={form} errors={rowErrors} onChange={set} />
    </form>
  );
}
