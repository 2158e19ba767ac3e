// What every settings section does around its form: save, keep the saved values, field errors and the flash.
import { useState } from 'react';
import type { CombinedError } from 'urql';
import { accessDenied } from '../../lib/accessDenied';
import { groupUserErrors, type UserErrorLike } from '../../lib/userErrors';
import { useUnsavedChangesGuard } from './useUnsavedChangesGuard';

export type SettingsFlash<Extra = object> =
  ({ type: 'success' | 'error'; text: string; details?: string[] } & Extra) | null;

/** A mutation's answer: its payload (null when refused as a whole) and its transport or GraphQL error. */
export type SaveOutcome<S> = {
  payload?: { settings: S; errors: readonly UserErrorLike[] } | null;
  error?: CombinedError;
};

export const NOT_SAVED = 'The settings were not saved. Please correct the errors below.';

export function useSettingsSave<S, I, Extra = object>(
  rows: readonly string[],
  send: (input: I) => Promise<SaveOutcome<S>>,
) {
  const [saved, setSaved] = useState<S | null>(null);
  const [version, setVersion] = useState(0);
  const [errors, setErrors] = useState<readonly UserErrorLike[]>([]);
  const [flash, setFlash] = useState<SettingsFlash<Extra>>(null);
  const [dirty, setDirty] = useState(false);
  useUnsavedChangesGuard(dirty);

  async function save(input: I) {
    setFlash(null);
    const { payload, error } = await send(input);
    if (!payload) {
      const text = accessDenied(error) ? 'You may not change these settings.' : 'The settings were not saved.';
      setFlash({ type: 'error', text, details: error ? [error.message] : [] } as SettingsFlash<Extra>);
      return;
    }
    if (payload.errors.length > 0) {
      setErrors(payload.errors);
      const general = groupUserErrors(payload.errors, rows).general;
      setFlash({ type: 'error', text: NOT_SAVED, details: general } as SettingsFlash<Extra>);
      return;
    }
    setErrors([]);
    setSaved(payload.settings);
    setVersion((v) => v + 1);
    setFlash({ type: 'success', text: 'Settings saved.' } as SettingsFlash<Extra>);
  }

  /** Settings changed outside the form (a certificate): shown at once, the admin's unsaved edits kept. */
  function replaceSaved(settings: S, message: string) {
    setSaved(settings);
    setFlash({ type: 'success', text: message } as SettingsFlash<Extra>);
  }

  return { saved, version, errors, flash, setFlash, setDirty, save, replaceSaved };
}
