// Tests the Email Synchronization Settings rules: the server's bounds, what counts as a change, what is sent.
import { describe, expect, it } from 'vitest';
import {
  buildEmailSyncInput,
  emailSyncChanges,
  emailSyncForm,
  validateEmailSync,
  type EmailSyncForm,
} from './emailSyncForm';

const base = emailSyncForm({ enabled: true, intervalMinutes: 5, maxConcurrent: 4 });
const edit = (change: Partial<EmailSyncForm>): EmailSyncForm => ({ ...base, ...change });

describe('validateEmailSync', () => {
  it('accepts whole numbers within the bounds, ends included', () => {
    expect(validateEmailSync(base)).toEqual({});
    expect(validateEmailSync(edit({ intervalMinutes: '1', maxConcurrent: '64' }))).toEqual({});
    expect(validateEmailSync(edit({ intervalMinutes: ' 1440 ', maxConcurrent: '1' }))).toEqual({});
  });

  it.each(['0', '1441', '', '  ', '1.5', '1e3', '-2', 'ten'])(
    'refuses the interval %j with the server message',
    (value) => {
      expect(validateEmailSync(edit({ intervalMinutes: value }))).toEqual({
        intervalMinutes: ['Enter a number of minutes from 1 to 1440.'],
      });
    },
  );

  it.each(['0', '65', '', '2.0'])('refuses the concurrency %j with the server message', (value) => {
    expect(validateEmailSync(edit({ maxConcurrent: value }))).toEqual({
      maxConcurrent: ['Enter a number from 1 to 64.'],
    });
  });
});

describe('emailSyncChanges and buildEmailSyncInput', () => {
  it('see no change in the saved values, however they are spaced or padded', () => {
    expect(emailSyncChanges(base, base)).toEqual([]);
    expect(emailSyncChanges(base, edit({ intervalMinutes: ' 05 ' }))).toEqual([]);
    expect(buildEmailSyncInput(base, base)).toEqual({});
  });

  it('count a field that is not a whole number as changed, so Save can refuse it', () => {
    expect(emailSyncChanges(base, edit({ intervalMinutes: '' }))).toEqual(['intervalMinutes']);
  });

  it('send only the changed fields, numbers as numbers', () => {
    expect(buildEmailSyncInput(base, edit({ intervalMinutes: '15 ' }))).toEqual({ intervalMinutes: 15 });
    expect(buildEmailSyncInput(base, edit({ enabled: false, maxConcurrent: '8' }))).toEqual({
      enabled: false,
      maxConcurrent: 8,
    });
  });
});
