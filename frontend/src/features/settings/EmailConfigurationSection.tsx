// Loads the Email Synchronization Settings, saves what changed, and says how it went in flash messages.
import { useMutation, useQuery } from 'urql';
import { Flash } from '../../components/Flash';
import { NoAccess } from '../../components/NoAccess';
import type { UpdateEmailSyncSettingsInput } from '../../gql/graphql';
import { accessDenied } from '../../lib/accessDenied';
import { EmailSyncSettingsQuery, UpdateEmailSyncSettingsMutation } from './documents';
import { EMAIL_SYNC_ROWS, type EmailSyncSettings } from './emailSyncForm';
import { EmailSyncForm } from './EmailSyncForm';
import { NOT_SAVED, useSettingsSave } from './useSettingsSave';

export function EmailConfigurationSection() {
  const [{ data, error, fetching }] = useQuery({ query: EmailSyncSettingsQuery });
  const [{ fetching: saving }, update] = useMutation(UpdateEmailSyncSettingsMutation);
  const { saved, version, errors, flash, setFlash, setDirty, save } = useSettingsSave<
    EmailSyncSettings,
    UpdateEmailSyncSettingsInput
  >(EMAIL_SYNC_ROWS, async (input) => {
    const result = await update({ input });
    return { payload: result.data?.updateEmailSyncSettings, error: result.error };
  });

  const settings = saved ?? data?.emailSyncSettings;
  if (accessDenied(error)) return <NoAccess />;
  if (!settings) {
    if (fetching) return <p className="muted">Loading…</p>;
    return <Flash type="error">The settings could not be loaded. {error?.message}</Flash>;
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
