// Loads Microsoft Settings, saves the changed fields, tests the saved ones, and shows the outcome as flash messages.
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { Flash } from '../../components/Flash';
import { MicrosoftErrorDetails, type MicrosoftErrorLike } from '../../components/MicrosoftErrorDetails';
import { NoAccess } from '../../components/NoAccess';
import type { UpdateMicrosoftSettingsInput } from '../../gql/graphql';
import { accessDenied } from '../../lib/accessDenied';
import { groupUserErrors, type UserErrorLike } from '../../lib/userErrors';
import { MicrosoftSettingsQuery, UpdateMicrosoftSettingsMutation } from './documents';
import { ROWS, type MicrosoftSettings } from './formState';
import { MicrosoftSettingsForm } from './MicrosoftSettingsForm';
import { RecentChanges } from './RecentChanges';
import { useConnectionTest } from './useConnectionTest';
import { useUnsavedChangesGuard } from './useUnsavedChangesGuard';

type FlashState = {
  type: 'success' | 'error';
  text: string;
  details?: string[];
  microsoft?: MicrosoftErrorLike | null;
} | null;
const NOT_SAVED = 'The settings were not saved. Please correct the errors below.';

export function MicrosoftSettingsSection() {
  const [{ data, error, fetching }] = useQuery({ query: MicrosoftSettingsQuery });
  const [{ fetching: saving }, update] = useMutation(UpdateMicrosoftSettingsMutation);
  const [saved, setSaved] = useState<MicrosoftSettings | null>(null);
  const [version, setVersion] = useState(0);
  const [errors, setErrors] = useState<readonly UserErrorLike[]>([]);
  const [flash, setFlash] = useState<FlashState>(null);
  const [dirty, setDirty] = useState(false);
  const { testing, run } = useConnectionTest();
  useUnsavedChangesGuard(dirty);

  const settings = saved ?? data?.microsoftSettings;
  if (accessDenied(error)) return <NoAccess />;
  if (!settings) {
    if (fetching) return <p className="muted">Loading…</p>;
    return <Flash type="error">The settings could not be loaded. {error?.message}</Flash>;
  }

  async function save(input: UpdateMicrosoftSettingsInput) {
    setFlash(null);
    const result = await update({ input });
    const payload = result.data?.updateMicrosoftSettings;
    if (!payload) {
      const text = accessDenied(result.error) ? 'You may not change these settings.' : 'The settings were not saved.';
      setFlash({ type: 'error', text, details: result.error ? [result.error.message] : [] });
      return;
    }
    if (payload.errors.length > 0) {
      setErrors(payload.errors);
      setFlash({ type: 'error', text: NOT_SAVED, details: groupUserErrors(payload.errors, ROWS).general });
      return;
    }
    setErrors([]);
    setSaved(payload.settings);
    setVersion((v) => v + 1);
    setFlash({ type: 'success', text: 'Settings saved.' });
  }

  async function test() {
    setFlash(null);
    const outcome = await run();
    setFlash({ type: outcome.ok ? 'success' : 'error', text: outcome.message, microsoft: outcome.error });
  }

  return (
    <>
      {flash && (
        <Flash type={flash.type} details={flash.details}>
          {flash.text}
          {flash.microsoft && <MicrosoftErrorDetails error={flash.microsoft} />}
        </Flash>
      )}
      <MicrosoftSettingsForm
        key={version}
        settings={settings}
        errors={errors}
        saving={saving}
        testing={testing}
        onSave={save}
        onTest={() => void test()}
        onDirtyChange={setDirty}
      />
      <RecentChanges key={`changes-${version}`} />
    </>
  );
}
