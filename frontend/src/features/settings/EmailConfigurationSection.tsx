// Loads the Email Synchronization Settings, saves what changed, and says how it went in flash messages.
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { Flash } from '../../components/Flash';
import { NoAccess } from '../../components/NoAccess';
import type { UpdateEmailSyncSettingsInput } from '../../gql/graphql';
import { accessDenied } from '../../lib/accessDenied';
import { groupUserErrors, type UserErrorLike } from '../../lib/userErrors';
import { EmailSyncSettingsQuery, UpdateEmailSyncSettingsMutation } from './documents';
import { EMAIL_SYNC_ROWS, type EmailSyncSettings } from './emailSyncForm';
import { EmailSyncForm } from './EmailSyncForm';
import { useUnsavedChangesGuard } from './useUnsavedChangesGuard';

type FlashState = { type: 'success' | 'error'; text: string; details?: string[] } | null;
const NOT_SAVED = 'The settings were not saved. Please correct the errors below.';

export function EmailConfigurationSection() {
  const [{ data, error, fetching }] = useQuery({ query: EmailSyncSettingsQuery });
  const [{ fetching: saving }, update] = useMutation(UpdateEmailSyncSettingsMutation);
  const [saved, setSaved] = useState<EmailSyncSettings | null>(null);
  const [version, setVersion] = useState(0);
  const [errors, setErrors] = useState<readonly UserErrorLike[]>([]);
  const [flash, setFlash] = useState<FlashState>(null);
  const [dirty, setDirty] = useState(false);
  useUnsavedChangesGuard(dirty);

  const settings = saved ?? data?.emailSyncSettings;
  if (accessDenied(error)) return <NoAccess />;
  if (!settings) {
    if (fetching) return <p className="muted">Loading…</p>;
    return <Flash type="error">The settings could not be loaded. {error?.message}</Flash>;
  }

  async function save(input: UpdateEmailSyncSettingsInput) {
    setFlash(null);
    const result = await update({ input });
    const payload = result.data?.updateEmailSyncSettings;
    if (!payload) {
      const text = accessDenied(result.error) ? 'You may not change these settings.' : 'The settings were not saved.';
      setFlash({ type: 'error', text, details: result.error ? [result.error.message] : [] });
      return;
    }
    if (payload.errors.length > 0) {
      setErrors(payload.errors);
      setFlash({ type: 'error', text: NOT_SAVED, details: groupUserErrors(payload.errors, EMAIL_SYNC_ROWS).general });
      return;
    }
    setErrors([]);
    setSaved(payload.settings);
    setVersion((v) => v + 1);
    setFlash({ type: 'success', text: 'Settings saved.' });
  }

  return (
    <>
      {flash && (
        <Flash type={flash.type} details={flash.details}>
          {flash.text}
        </Flash>
      )}
      <EmailSyncForm
        key={version}
        settings={settings}
        errors={errors}
        saving={saving}
        onSave={(input) => void save(input)}
        onInvalid={() => setFlash({ type: 'error', text: NOT_SAVED })}
        onDirtyChange={setDirty}
      />
    </>
  );
}
