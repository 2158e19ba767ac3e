// The Email Configuration form: the "Email Synchronization Settings" fieldset, checked by the server's rules before saving.
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { Fieldset } from '../../components/Fieldset';
import { FormRow } from '../../components/FormRow';
import type { UpdateEmailSyncSettingsInput } from '../../gql/graphql';
import { groupUserErrors, type UserErrorLike } from '../../lib/userErrors';
import {
  BOUNDS,
  buildEmailSyncInput,
  EMAIL_SYNC_ROWS,
  emailSyncChanges,
  emailSyncForm,
  validateEmailSync,
  type EmailSyncRow,
  type EmailSyncSettings,
} from './emailSyncForm';
import { EMAIL_SYNC_HELP, ENABLED_NOTE, INTERVAL_HINT, MAX_CONCURRENT_HINT } from './emailSyncHelp';

type Props = {
  settings: EmailSyncSettings;
  errors?: readonly UserErrorLike[];
  saving?: boolean;
  onSave: (input: UpdateEmailSyncSettingsInput) => void;
  onInvalid?: () => void;
  onDirtyChange?: (dirty: boolean) => void;
};

type NumberRowProps = {
  row: Exclude<EmailSyncRow, 'enabled'>;
  label: string;
  hint: string;
  errors: string[];
  value: string;
  onChange: (value: string) => void;
};

export const emailSyncFieldId = (row: EmailSyncRow) => `sync-${row}`;

function NumberRow({ row, label, hint, errors, value, onChange }: NumberRowProps) {
  const id = emailSyncFieldId(row);
  return (
    <FormRow id={id} label={label} help={EMAIL_SYNC_HELP[row]} hint={hint} errors={errors}>
      {(describedBy) => (
        <input
          id={id}
          type="number"
          inputMode="numeric"
          min={BOUNDS[row].min}
          max={BOUNDS[row].max}
          step={1}
          required
          aria-describedby={describedBy}
          aria-invalid={errors.length ? true : undefined}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </FormRow>
  );
}

export function EmailSyncForm({ settings, errors = [], saving = false, onSave, onInvalid, onDirtyChange }: Props) {
  const base = useMemo(() => emailSyncForm(settings), [settings]);
  const [form, setForm] = useState(base);
  const dirty = emailSyncChanges(base, form).length > 0;
  const invalid = validateEmailSync(form);
  const fromServer = groupUserErrors(errors, EMAIL_SYNC_ROWS).byField;
  const errorsOf = (row: EmailSyncRow) => [...new Set([...(invalid[row] ?? []), ...(fromServer[row] ?? [])])];

  useEffect(() => onDirtyChange?.(dirty), [dirty, onDirtyChange]);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!dirty) return;
    const firstInvalid = EMAIL_SYNC_ROWS.find((row) => invalid[row]);
    if (firstInvalid) {
      document.getElementById(emailSyncFieldId(firstInvalid))?.focus();
      onInvalid?.();
      return;
    }
    onSave(buildEmailSyncInput(base, form));
  }

  const enabledErrors = errorsOf('enabled');
  return (
    <form onSubmit={submit} noValidate>
      <div className="section-header">
        <h2>Email Configuration</h2>
        <div className="section-actions">
          <button type="submit" className="btn btn-primary" disabled={!dirty || saving}>
            Save Settings
          </button>
        </div>
      </div>
      <Fieldset legend="Email Synchronization Settings">
        <FormRow
          id={emailSyncFieldId('enabled')}
          label="Enable scheduled synchronization"
          help={EMAIL_SYNC_HELP.enabled}
          hint={ENABLED_NOTE}
          errors={enabledErrors}
        >
          {(describedBy) => (
            <input
              id={emailSyncFieldId('enabled')}
              type="checkbox"
              aria-describedby={describedBy}
              aria-invalid={enabledErrors.length ? true : undefined}
              checked={form.enabled}
              onChange={(e) => setForm((f) => ({ ...f, enabled: e.target.checked }))}
            />
          )}
        </FormRow>
        <NumberRow
          row="intervalMinutes"
          label="Sync interval (minutes)"
          hint={INTERVAL_HINT}
          errors={errorsOf('intervalMinutes')}
          value={form.intervalMinutes}
          onChange={(intervalMinutes) => setForm((f) => ({ ...f, intervalMinutes }))}
        />
        <NumberRow
          row="maxConcurrent"
          label="Maximum concurrent syncs"
          hint={MAX_CONCURRENT_HINT}
          errors={errorsOf('maxConcurrent')}
          value={form.maxConcurrent}
          onChange={(maxConcurrent) => setForm((f) => ({ ...f, maxConcurrent }))}
        />
      </Fieldset>
    </form>
  );
}
