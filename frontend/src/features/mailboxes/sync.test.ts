// Tests how synchronisation steps read: the progress text, durations, times, the last-result line, the newer step.
import { describe, expect, it } from 'vitest';
import { failureLine, formatClock, formatDuration, newerStep, progressText, syncLine, type SyncStep } from './sync';

const NOW = new Date(2030, 0, 2, 23, 0);
const at = (hours: number, minutes: number, day = 2) => new Date(2030, 0, day, hours, minutes).toISOString();
const step = (more: Partial<SyncStep>): SyncStep => ({
  state: 'IDLE',
  folder: null,
  done: null,
  total: null,
  newMessages: null,
  durationMs: null,
  reason: null,
  at: at(22, 15),
  ...more,
});

describe('progressText', () => {
  it('names the folder and how far it got', () => {
    expect(progressText({ folder: 'INBOX', done: 3, total: 10 })).toBe('Synchronising INBOX: 3 of 10');
    expect(progressText({ folder: 'Archive/2030', done: null, total: null })).toBe(
      'Synchronising Archive/2030: 0 of 0',
    );
  });
});

describe('formatDuration', () => {
  it('uses milliseconds, tenths of seconds, seconds or minutes as fits', () => {
    expect(formatDuration(45)).toBe('45 ms');
    expect(formatDuration(1234)).toBe('1.2 s');
    expect(formatDuration(42_000)).toBe('42 s');
    expect(formatDuration(125_000)).toBe('2 min 5 s');
    expect(formatDuration(120_000)).toBe('2 min');
  });
});

describe('formatClock', () => {
  it('gives the time today and puts the date before it on other days', () => {
    expect(formatClock(at(22, 15), NOW)).toBe('22:15');
    expect(formatClock(at(9, 5, 1), NOW)).toMatch(/1.*, 09:05$/);
  });
  it('reads timestamps with more than three fraction digits', () => {
    const iso = at(22, 15).replace('.000Z', '.123456789Z');
    expect(formatClock(iso, NOW)).toBe('22:15');
  });
});

describe('syncLine', () => {
  it('tells how many messages a successful sync stored, how long it took and when', () => {
    expect(syncLine(step({ state: 'SUCCEEDED', newMessages: 12, durationMs: 1234 }), NOW)).toEqual({
      tone: 'ok',
      text: 'Last sync: 12 new messages in 1.2 s, at 22:15',
    });
    expect(syncLine(step({ state: 'SUCCEEDED', newMessages: 1, durationMs: 80 }), NOW).text).toBe(
      'Last sync: 1 new message in 80 ms, at 22:15',
    );
    expect(syncLine(step({ state: 'SUCCEEDED', newMessages: 0, durationMs: 300 }), NOW).text).toBe(
      'Last sync: no new messages in 0.3 s, at 22:15',
    );
  });
  it('names, in red, the selected folders a successful sync skipped because the server no longer has them', () => {
    const reason =
      'Skipped folder "Projects": the mail server no longer has it. Choose the folders again after Check connection.';
    expect(syncLine(step({ state: 'SUCCEEDED', newMessages: 2, durationMs: 1234, reason }), NOW)).toEqual({
      tone: 'error',
      text: `Last sync: 2 new messages in 1.2 s, at 22:15. ${reason}`,
    });
  });
  it('gives the reason of a failure, in red', () => {
    expect(syncLine(step({ state: 'FAILED', reason: 'NO [UNAVAILABLE] try later' }), NOW)).toEqual({
      tone: 'error',
      text: 'Last sync failed at 22:15: NO [UNAVAILABLE] try later',
    });
    expect(syncLine(step({ state: 'NEEDS_REAUTH', reason: 'Reconnect the mailbox.' }), NOW)).toEqual({
      tone: 'error',
      text: 'Last sync failed at 22:15: Reconnect the mailbox.',
    });
    expect(syncLine(step({ state: 'DISABLED' }), NOW)).toEqual({
      tone: 'error',
      text: 'Not synchronised: the mailbox is not connected.',
    });
  });
  it('gives a refused mail access with its advice, and a run on another instance as news, not an error', () => {
    expect(syncLine(step({ state: 'ACCESS_REFUSED', reason: 'Mail access refused: enable IMAP.' }), NOW)).toEqual({
      tone: 'error',
      text: 'Last sync refused at 22:15: Mail access refused: enable IMAP.',
    });
    expect(syncLine(step({ state: 'ACCESS_REFUSED' }), NOW).text).toMatch(
      /IMAP and Authenticated SMTP .*Check connection/,
    );
    expect(
      syncLine(step({ state: 'BUSY', reason: 'Another synchronisation of this mailbox is running now.' }), NOW),
    ).toEqual({ tone: 'muted', text: 'Already synchronising on another instance; its progress shows here.' });
  });
  it('says when nothing ran yet, another run is going on, or the server is being reached', () => {
    expect(syncLine(step({ state: 'IDLE' }), NOW)).toEqual({ tone: 'muted', text: 'Last sync: none yet' });
    expect(
      syncLine(step({ state: 'IDLE', reason: 'Another synchronisation of this mailbox is running.' }), NOW).text,
    ).toBe('Another synchronisation of this mailbox is running.');
    expect(syncLine(step({ state: 'CONNECTING' }), NOW).text).toBe('Connecting to the mail server…');
  });
});

describe('newerStep', () => {
  it('keeps the later step, and on a tie the one that arrived last', () => {
    const early = step({ state: 'SYNCING', at: at(22, 14) });
    const late = step({ state: 'SUCCEEDED', at: at(22, 15) });
    const same = step({ state: 'SUCCEEDED', at: at(22, 15), newMessages: 3 });
    expect(newerStep(early, late)).toBe(late);
    expect(newerStep(late, early)).toBe(late);
    expect(newerStep(late, same)).toBe(same);
    expect(newerStep(null, early)).toBe(early);
    expect(newerStep(early, undefined)).toBe(early);
    expect(newerStep(null, null)).toBeNull();
  });
});

describe('failureLine', () => {
  it('names what failed, when and why', () => {
    expect(failureLine(step({ state: 'FAILED', reason: 'Connection reset' }), NOW)).toBe(
      'Failed at 22:15: Connection reset',
    );
    expect(failureLine(step({ state: 'NEEDS_REAUTH', reason: 'Reconnect it.' }), NOW)).toBe(
      'Needs reconnect at 22:15: Reconnect it.',
    );
    expect(failureLine(step({ state: 'ACCESS_REFUSED', at: at(9, 5, 1) }), NOW)).toMatch(
      /^Mail access refused at .*1.*, 09:05: the mail server gave no reason\.$/,
    );
  });
});
