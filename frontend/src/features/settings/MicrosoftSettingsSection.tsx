// Loads Microsoft Settings, saves the changed fields, tests the saved ones, and shows the outcome as flash messages.
import { useMutation, useQuery, useSubscription } from 'urql';
import { Flash } from '../../components/Flash';
import { MicrosoftErrorDetails, type MicrosoftErrorLike } from '../../components/MicrosoftErrorDetails';
import { NoAccess } from '../../components/NoAccess';
import type { UpdateMicrosoftSettingsInput } from '../../gql/graphql';
import { accessDenied } from '../../lib/accessDenied';
import {
  MicrosoftSettingsQuery,
  SettingsCredentialStatusSubscription,
  UpdateMicrosoftSettingsMutation,
} from './documents';
import { ROWS, type MicrosoftSettings } from './formState';
import { MicrosoftSettingsForm } from './MicrosoftSettingsForm';
import { RecentChanges } from './RecentChanges';
import { useAdminConsentOutcome } from './useAdminConsentOutcome';
import { useConnectionTest } from './useConnectionTest';
import { useSettingsSave } from './useSettingsSave';

export function MicrosoftSettingsSection() {
  const [{ data, error, fetching }] = useQuery({ query: MicrosoftSettingsQuery });
  const [{ fetching: saving }, update] = useMutation(UpdateMicrosoftSettingsMutation);
  const { saved, version, errors, flash, setFlash, setDirty, save, replaceSaved } = useSettingsSave<
    MicrosoftSettings,
    UpdateMicrosoftSettingsInput,
    { microsoft?: MicrosoftErrorLike | null }
  >(ROWS, async (input) => {
    const result = await update({ input });
    return { payload: result.data?.updateMicrosoftSettings, error: result.error };
  });
  const { testing, run } = useConnectionTest();
  const consent = useAdminConsentOutcome();
  const [status] = useSubscription({ query: SettingsCredentialStatusSubscription });

  const settings = saved ?? data?.microsoftSettings;
  if (accessDenied(error)) return <NoAccess />;
  if (!settings) {
    if (fetching) return <p className="muted">Loading…</p>;
    return <Flash type="error">The settings could not be loaded. {error?.message}</Flash>;
  }

  async function test() {
    setFlash(null);
    const outcome = await run();
    setFlash({ type: outcome.ok ? 'success' : 'error', text: outcome.message, microsoft: outcome.error });
  }

  return (
    <>
      {consent && !flash && <Flash type={consent.granted ? 'success' : 'error'}>{consent.text}</Flash>}
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
        onCertificateSaved={replaceSaved}
        onProblem={(text) => setFlash({ type: 'error', text })}
        credentialStatus={status.data?.microsoftCredentialStatus}
      />
      <RecentChanges key={`changes-${version}`} />
    </>
  );
}
