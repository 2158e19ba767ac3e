// The Email Synchronization Settings form state, the server's rules checked before saving, and the input of what changed.
import type { EmailSyncSettingsFieldsFragment, UpdateEmailSyncSettingsInput } from '../../gql/graphql';

export type EmailSyncSettings = EmailSyncSettingsFieldsFragment;
export type EmailSyncForm = { enabled: boolean; intervalMinutes: string; maxConcurrent: string };

export const EMAIL_SYNC_ROWS = ['enabled', 'intervalMinutes', 'maxConcurrent'] as const;
export type EmailSyncRow = (typeof EMAIL_SYNC_ROWS)[number];
type NumberRow = Exclude<EmailSyncRow, 'enabled'>;
const NUMBER_ROWS: readonly NumberRow[] = ['intervalMinutes', 'maxConcurrent'];

/** The bounds and messages of EmailSyncSettingsService, so the admin hears the same thing before and after saving. */
export const BOUNDS: Record<NumberRow, { min: number; max: number; message: string }> = {
  intervalMinutes: { min: 1, max: 1440, message: 'Enter a number of minutes from 1 to 1440.' },
  maxConcurrent: { min: 1, max: 64, message: 'Enter a number from 1 to 64.' },
};

export function emailSyncForm(s: EmailSyncSettings): EmailSyncForm {
  return { enabled: s.enabled, intervalMinutes: String(s.intervalMinutes), maxConcurrent: String(s.maxConcurrent) };
}

/** The whole number typed, or null for anything else ("", "1.5", "1e3", "-2"). */
function wholeNumber(text: string): number | null {
  const t = text.trim();
  return /^\d{1,9}$/.test(t) ? Number(t) : null;
}

export function validateEmailSync(form: EmailSyncForm): Partial<Record<EmailSyncRow, string[]>> {
  const errors: Partial<Record<EmailSyncRow, string[]>> = {};
  for (const row of NUMBER_ROWS) {
    const n = wholeNumber(form[row]);
    const { min, max, message } = BOUNDS[row];
    if (n === null || n < min || n > max) errors[row] = [message];
  }
  return errors;
}

/** The fields that differ from `base`; a number that is not a whole number counts as changed, to be refused. */
export function emailSyncChanges(base: EmailSyncForm, form: EmailSyncForm): EmailSyncRow[] {
  const changed: EmailSyncRow[] = form.enabled === base.enabled ? [] : ['enabled'];
  for (const row of NUMBER_ROWS) {
    const n = wholeNumber(form[row]);
    if (n === null || n !== Number(base[row])) changed.push(row);
  }
  return changed;
}

/** The changed fields in the shape of `updateEmailSyncSettings(input)`; only meaningful for a valid form. */
export function buildEmailSyncInput(base: EmailSyncForm, form: EmailSyncForm): UpdateEmailSyncSettingsInput {
  const input: UpdateEmailSyncSettingsInput = {};
  for (const row of emailSyncChanges(base, form)) {
    if (row === 'enabled') input.enabled = form.enabled;
    else input[row] = Number(form[row].trim());
  }
  return input;
}
