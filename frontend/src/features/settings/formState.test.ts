// Tests building the update input: only changed fields, "Use Default", the write-only secret, and the sign-in settings.
import { describe, expect, it } from 'vitest';
import { buildUpdateInput, formFromSettings, isDirty, type SettingsForm } from './formState';
import { testSettings } from './testSettings';

const base = formFromSettings(testSettings());
const edit = (change: (f: SettingsForm) => Partial<SettingsForm>): SettingsForm => ({ ...base, ...change(base) });

describe('buildUpdateInput', () => {
  it('is empty when nothing changed', () => {
    expect(buildUpdateInput(base, base)).toEqual({});
    expect(isDirty(base, base)).toBe(false);
  });

  it('sends only the changed text field, trimmed', () => {
    const form = edit((f) => ({ clientId: { ...f.clientId, value: '  not-a-guid ' } }));
    expect(buildUpdateInput(base, form)).toEqual({ clientId: { value: 'not-a-guid', useDefault: false } });
    expect(isDirty(base, form)).toBe(true);
  });

  it('treats whitespace-only edits as no change and sends an emptied field as null', () => {
    const padded = edit((f) => ({ clientId: { ...f.clientId, value: `${f.clientId.value} ` } }));
    expect(buildUpdateInput(base, padded)).toEqual({});
    const emptied = edit((f) => ({ clientId: { ...f.clientId, value: '' } }));
    expect(buildUpdateInput(base, emptied)).toEqual({ clientId: { value: null, useDefault: false } });
  });

  it('sends useDefault: true alone when "Use Default" is ticked', () => {
    const form = edit((f) => ({
      clientId: { ...f.clientId, useDefault: true },
      signInEnabled: { value: true, useDefault: true },
    }));
    expect(buildUpdateInput(base, form)).toEqual({
      clientId: { useDefault: true },
      signInEnabled: { useDefault: true },
    });
  });

  it('ignores the value of a field that stays on its default', () => {
    const form = edit((f) => ({ tenant: { ...f.tenant, value: 'contoso.onmicrosoft.com' } }));
    expect(buildUpdateInput(base, form)).toEqual({});
  });

  it('sends the value when "Use Default" is unticked, even if it equals the default', () => {
    const form = edit((f) => ({
      tenant: { ...f.tenant, useDefault: false },
      cloud: { value: 'CHINA', useDefault: false },
    }));
    expect(buildUpdateInput(base, form)).toEqual({
      tenant: { value: 'common', useDefault: false },
      cloud: { value: 'CHINA', useDefault: false },
    });
  });

  it('sends booleans that changed', () => {
    const form = edit(() => ({ signInEnabled: { value: true, useDefault: false } }));
    expect(buildUpdateInput(base, form)).toEqual({ signInEnabled: { value: true, useDefault: false } });
  });

  it('sends a typed secret as replaceWith, and nothing for an empty one', () => {
    expect(
      buildUpdateInput(
        base,
        edit(() => ({ clientSecret: { replaceWith: ' Abc8Q~value ', clear: false } })),
      ),
    ).toEqual({
      clientSecret: { replaceWith: 'Abc8Q~value' },
    });
    expect(
      buildUpdateInput(
        base,
        edit(() => ({ clientSecret: { replaceWith: '   ', clear: false } })),
      ),
    ).toEqual({});
  });

  it('sends clear: true when the secret is cleared, whatever was typed', () => {
    const form = edit(() => ({ clientSecret: { replaceWith: 'typed', clear: true } }));
    expect(buildUpdateInput(base, form)).toEqual({ clientSecret: { clear: true } });
  });
});

describe('buildUpdateInput for the sign-in settings', () => {
  it('puts the allowed domains one per line and sees no change in spacing or case', () => {
    expect(base.signInAllowedDomains.value).toBe('contoso.com\nfabrikam.com');
    const form = edit(() => ({
      signInAllowedDomains: { value: ' Contoso.com\n\nFABRIKAM.com \n', useDefault: false },
    }));
    expect(buildUpdateInput(base, form)).toEqual({});
  });

  it('sends the edited domains as a clean list', () => {
    const form = edit(() => ({ signInAllowedDomains: { value: 'contoso.com\n Tailspin.io \n', useDefault: false } }));
    expect(buildUpdateInput(base, form)).toEqual({
      signInAllowedDomains: { value: ['contoso.com', 'tailspin.io'], useDefault: false },
    });
  });

  it('sends an emptied list as [] (any domain), and "Use Default" alone', () => {
    const emptied = edit(() => ({ signInAllowedDomains: { value: '  \n', useDefault: false } }));
    expect(buildUpdateInput(base, emptied)).toEqual({ signInAllowedDomains: { value: [], useDefault: false } });
    const reset = edit((f) => ({ signInAllowedDomains: { ...f.signInAllowedDomains, useDefault: true } }));
    expect(buildUpdateInput(base, reset)).toEqual({ signInAllowedDomains: { useDefault: true } });
  });

  it('sends the provisioning choice once "Use Default" is unticked', () => {
    expect(base.signInProvisioning).toEqual({ value: 'EXISTING_USERS_ONLY', useDefault: true });
    const form = edit(() => ({ signInProvisioning: { value: 'CREATE_ON_FIRST_SIGN_IN', useDefault: false } }));
    expect(buildUpdateInput(base, form)).toEqual({
      signInProvisioning: { value: 'CREATE_ON_FIRST_SIGN_IN', useDefault: false },
    });
  });
});

describe('formFromSettings', () => {
  it('never prefills the secret', () => {
    expect(base.clientSecret).toEqual({ replaceWith: '', clear: false });
  });
});
