// The Microsoft Settings form state, and the update input holding only what the admin changed.
import type {
  Cloud,
  DomainsSettingInput,
  MicrosoftCredentialType,
  MicrosoftSettingsFieldsFragment,
  SecretSettingInput,
  SignInProvisioning,
  UpdateMicrosoftSettingsInput,
} from '../../gql/graphql';
import { formatDomains, parseDomains, sameDomains } from './domains';

export type MicrosoftSettings = MicrosoftSettingsFieldsFragment;
export type Setting<T> = { value: T; useDefault: boolean };
export type SettingsForm = {
  clientId: Setting<string>;
  clientSecret: { replaceWith: string; clear: boolean };
  tenant: Setting<string>;
  cloud: Setting<Cloud>;
  signInEnabled: Setting<boolean>;
  emailSyncEnabled: Setting<boolean>;
  signInAllowedDomains: Setting<string>;
  signInProvisioning: Setting<SignInProvisioning>;
  credentialType: MicrosoftCredentialType;
};

export const ROWS = [
  'clientId',
  'clientSecret',
  'tenant',
  'cloud',
  'signInEnabled',
  'emailSyncEnabled',
  'signInAllowedDomains',
  'signInProvisioning',
  'credentialType',
] as const;
export type Row = (typeof ROWS)[number];

export function formFromSettings(s: MicrosoftSettings): SettingsForm {
  return {
    clientId: { value: s.clientId.value ?? '', useDefault: s.clientId.useDefault },
    clientSecret: { replaceWith: '', clear: false },
    tenant: { value: s.tenant.value ?? '', useDefault: s.tenant.useDefault },
    cloud: { value: s.cloud.value, useDefault: s.cloud.useDefault },
    signInEnabled: { value: s.signInEnabled.value, useDefault: s.signInEnabled.useDefault },
    emailSyncEnabled: { value: s.emailSyncEnabled.value, useDefault: s.emailSyncEnabled.useDefault },
    signInAllowedDomains: {
      value: formatDomains(s.signInAllowedDomains.value),
      useDefault: s.signInAllowedDomains.useDefault,
    },
    signInProvisioning: { value: s.signInProvisioning.value, useDefault: s.signInProvisioning.useDefault },
    credentialType: s.credentialType,
  };
}

function changed<T>(
  before: Setting<T>,
  after: Setting<T>,
  same: (a: T, b: T) => boolean = Object.is,
): { value?: T; useDefault: boolean } | undefined {
  if (after.useDefault) return before.useDefault ? undefined : { useDefault: true };
  if (!before.useDefault && same(after.value, before.value)) return undefined;
  return { value: after.value, useDefault: false };
}

function trimmed(s: Setting<string>): Setting<string> {
  return { ...s, value: s.value.trim() };
}

function textInput(before: Setting<string>, after: Setting<string>) {
  const input = changed(trimmed(before), trimmed(after));
  return input && 'value' in input ? { ...input, value: input.value || null } : input;
}

function domainsInput(before: Setting<string>, after: Setting<string>): DomainsSettingInput | undefined {
  const input = changed(before, after, sameDomains);
  if (!input) return undefined;
  return input.value === undefined ? { useDefault: true } : { value: parseDomains(input.value), useDefault: false };
}

function secretInput(secret: SettingsForm['clientSecret']): SecretSettingInput | undefined {
  if (secret.clear) return { clear: true };
  const value = secret.replaceWith.trim();
  return value ? { replaceWith: value } : undefined;
}

/** The fields that differ from `base`, in the shape of `updateMicrosoftSettings(input)`. */
export function buildUpdateInput(base: SettingsForm, form: SettingsForm): UpdateMicrosoftSettingsInput {
  const input: UpdateMicrosoftSettingsInput = {
    clientId: textInput(base.clientId, form.clientId),
    clientSecret: secretInput(form.clientSecret),
    tenant: textInput(base.tenant, form.tenant),
    cloud: changed(base.cloud, form.cloud),
    signInEnabled: changed(base.signInEnabled, form.signInEnabled),
    emailSyncEnabled: changed(base.emailSyncEnabled, form.emailSyncEnabled),
    signInAllowedDomains: domainsInput(base.signInAllowedDomains, form.signInAllowedDomains),
    signInProvisioning: changed(base.signInProvisioning, form.signInProvisioning),
    credentialType: form.credentialType === base.credentialType ? undefined : form.credentialType,
  };
  for (const key of Object.keys(input) as (keyof UpdateMicrosoftSettingsInput)[]) {
    if (input[key] === undefined) delete input[key];
  }
  return input;
}

export function isDirty(base: SettingsForm, form: SettingsForm): boolean {
  return Object.keys(buildUpdateInput(base, form)).length > 0;
}
