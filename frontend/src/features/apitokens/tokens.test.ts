// Tests a token's status (Active / Revoked / Expired) and turning the expiry date input into an instant.
import { describe, expect, it } from 'vitest';
import { endOfDay, today, tokenStatus } from './tokens';

const now = new Date('2030-06-15T12:00:00Z');

describe('tokenStatus', () => {
  it('is Active without an expiry, or before it', () => {
    expect(tokenStatus({ revoked: false, expiresAt: null }, now)).toBe('Active');
    expect(tokenStatus({ revoked: false, expiresAt: '2030-06-15T12:00:01Z' }, now)).toBe('Active');
  });
  it('is Expired from the expiry instant on', () => {
    expect(tokenStatus({ revoked: false, expiresAt: '2030-06-15T12:00:00Z' }, now)).toBe('Expired');
    expect(tokenStatus({ revoked: false, expiresAt: '2029-01-01T00:00:00Z' }, now)).toBe('Expired');
  });
  it('is Revoked whatever the expiry', () => {
    expect(tokenStatus({ revoked: true, expiresAt: null }, now)).toBe('Revoked');
    expect(tokenStatus({ revoked: true, expiresAt: '2029-01-01T00:00:00Z' }, now)).toBe('Revoked');
  });
});

describe('endOfDay', () => {
  it('is the last millisecond of that day in local time', () => {
    const iso = endOfDay('2030-03-01')!;
    const date = new Date(iso);
    expect(iso).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect([date.getFullYear(), date.getMonth(), date.getDate()]).toEqual([2030, 2, 1]);
    expect([date.getHours(), date.getMinutes(), date.getSeconds(), date.getMilliseconds()]).toEqual([23, 59, 59, 999]);
    expect(new Date(date.getTime() + 1).getDate()).toBe(2);
  });
  it('is null without a date (never expires) or for something that is not one', () => {
    expect(endOfDay('')).toBeNull();
    expect(endOfDay('1.3.2030')).toBeNull();
  });
});

describe('today', () => {
  it('is the local date as a date input writes it', () => {
    expect(today(new Date(2030, 0, 5, 23, 30))).toBe('2030-01-05');
  });
});
