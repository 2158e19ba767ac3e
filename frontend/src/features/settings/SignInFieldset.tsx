// The "Microsoft 365 Sign-in" fieldset: the switch, which e-mail domains may sign in, and what happens to new users.
import { Fieldset } from '../../components/Fieldset';
import { formatDomains } from './domains';
import type { MicrosoftSettings, Row, SettingsForm } from './formState';
import { DOMAINS_HINT, HELP, PROVISIONING } from './help';
import { BooleanSettingRow, SelectSettingRow, TextSettingRow } from './SettingRows';

type Props = {
  settings: MicrosoftSettings;
  form: SettingsForm;
  errors: Partial<Record<Row, string[]>>;
  onChange: <K extends keyof SettingsForm>(key: K) => (value: SettingsForm[K]) => void;
};

export function SignInFieldset({ settings: s, form, errors, onChange }: Props) {
  return (
    <Fieldset legend="Microsoft 365 Sign-in">
      <BooleanSettingRow
        id="signInEnabled"
        label="Enable Microsoft 365 sign-in"
        help={HELP.signInEnabled}
        errors={errors.signInEnabled}
        setting={form.signInEnabled}
        defaultValue={s.signInEnabled.defaultValue}
        onChange={onChange('signInEnabled')}
      />
      <TextSettingRow
        id="signInAllowedDomains"
        label="Allowed e-mail domains"
        rows={4}
        placeholder="Any domain"
        help={HELP.signInAllowedDomains}
        hint={DOMAINS_HINT}
        errors={errors.signInAllowedDomains}
        setting={form.signInAllowedDomains}
        defaultValue={formatDomains(s.signInAllowedDomains.defaultValue)}
        onChange={onChange('signInAllowedDomains')}
      />
      <SelectSettingRow
        id="signInProvisioning"
        label="New users"
        options={PROVISIONING}
        help={HELP.signInProvisioning}
        errors={errors.signInProvisioning}
        setting={form.signInProvisioning}
        defaultValue={s.signInProvisioning.defaultValue}
        onChange={onChange('signInProvisioning')}
      />
    </Fieldset>
  );
}
