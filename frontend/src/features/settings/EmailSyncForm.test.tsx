// Renders the Email Synchronization Settings form: Save state, checks before saving, server errors under their field, help.
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EmailSyncForm } from './EmailSyncForm';

afterEach(cleanup);

const SETTINGS = { enabled: true, intervalMinutes: 5, maxConcurrent: 4 };
const saveButton = () => screen.getByRole<HTMLButtonElement>('button', { name: 'Save Settings' });
const field = (label: string) => screen.getByLabelText<HTMLInputElement>(label);
const description = (el: HTMLElement) =>
  (el.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => (id ? document.getElementById(id)?.textContent : ''))
    .join(' ');

describe('EmailSyncForm', () => {
  it('shows the three fields in the "Email Synchronization Settings" fieldset', () => {
    render(<EmailSyncForm settings={SETTINGS} onSave={vi.fn()} />);
    const fieldset = screen.getByRole('region', { name: 'Email Synchronization Settings' });
    expect(fieldset.contains(field('Enable scheduled synchronization'))).toBe(true);
    expect(field('Enable scheduled synchronization').checked).toBe(true);
    expect(field('Sync interval (minutes)').value).toBe('5');
    expect(field('Maximum concurrent syncs').value).toBe('4');
  });

  it('keeps Save Settings disabled until something changes, then sends only the change', () => {
    const onSave = vi.fn();
    render(<EmailSyncForm settings={SETTINGS} onSave={onSave} />);
    expect(saveButton().disabled).toBe(true);
    fireEvent.change(field('Sync interval (minutes)'), { target: { value: '15' } });
    expect(saveButton().disabled).toBe(false);
    fireEvent.change(field('Sync interval (minutes)'), { target: { value: '5' } });
    expect(saveButton().disabled).toBe(true);

    fireEvent.click(field('Enable scheduled synchronization'));
    fireEvent.change(field('Maximum concurrent syncs'), { target: { value: '8' } });
    fireEvent.click(saveButton());
    expect(onSave).toHaveBeenCalledWith({ enabled: false, maxConcurrent: 8 });
  });

  it('shows an interval out of bounds under its field as it is typed, and does not send it', () => {
    const onSave = vi.fn();
    const onInvalid = vi.fn();
    render(<EmailSyncForm settings={SETTINGS} onSave={onSave} onInvalid={onInvalid} />);
    const interval = field('Sync interval (minutes)');
    fireEvent.change(interval, { target: { value: '0' } });
    expect(description(interval)).toMatch(/^Enter a number of minutes from 1 to 1440\./);
    expect(interval.getAttribute('aria-invalid')).toBe('true');

    fireEvent.click(saveButton());
    expect(onSave).not.toHaveBeenCalled();
    expect(onInvalid).toHaveBeenCalledTimes(1);
    expect(document.activeElement).toBe(interval);

    fireEvent.change(interval, { target: { value: '1440' } });
    expect(description(interval)).not.toMatch(/Enter a number/);
  });

  it('refuses a concurrency that is not a whole number', () => {
    render(<EmailSyncForm settings={SETTINGS} onSave={vi.fn()} />);
    const max = field('Maximum concurrent syncs');
    fireEvent.change(max, { target: { value: '2.5' } });
    expect(description(max)).toMatch(/^Enter a number from 1 to 64\./);
  });

  it("shows the server's errors under the field they concern, and others nowhere in the form", () => {
    const errors = [
      { field: 'maxConcurrent', message: 'Enter a number from 1 to 64.' },
      { field: null, message: 'Something about the whole input.' },
    ];
    render(<EmailSyncForm settings={SETTINGS} errors={errors} onSave={vi.fn()} />);
    expect(description(field('Maximum concurrent syncs'))).toMatch(/^Enter a number from 1 to 64\./);
    expect(description(field('Sync interval (minutes)'))).not.toMatch(/Enter a number/);
    expect(screen.queryByText('Something about the whole input.')).toBeNull();
  });

  it('explains each field, and that Sync now and INBOX push do not depend on the schedule', () => {
    render(<EmailSyncForm settings={SETTINGS} onSave={vi.fn()} />);
    expect(description(field('Enable scheduled synchronization'))).toMatch(/"Sync now" on a mailbox works either way/);
    expect(description(field('Enable scheduled synchronization'))).toMatch(/INBOX .* \(IMAP IDLE\)/);
    expect(screen.getAllByRole('tooltip').map((t) => t.textContent)).toEqual([
      expect.stringMatching(/on a schedule/),
      expect.stringMatching(/from 1 to 1440/),
      expect.stringMatching(/from 1 to 64/),
    ]);
  });
});
