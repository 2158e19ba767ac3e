// Tests reading recipients, the state and push badges, check results, synced folders, and the inputs for the API.
import { describe, expect, it } from 'vitest';
import {
  checkOutcome,
  parseRecipients,
  pushBadge,
  selectedFolderNames,
  sendEmailInput,
  otherTransport,
  startConnectionInput,
  stateBadge,
  syncedFolders,
} from './mailboxes';

describe('parseRecipients', () => {
  it('splits on commas, semicolons and new lines, trimming and dropping empty parts', () => {
    expect(parseRecipients(' bob@contoso.com, ann@contoso.com;carl@contoso.com\n, ,dora@contoso.com ')).toEqual([
      'bob@contoso.com',
      'ann@contoso.com',
      'carl@contoso.com',
      'dora@contoso.com',
    ]);
  });
  it('takes the address out of "Name <address>", even with a comma in a quoted name', () => {
    expect(parseRecipients('"Doe, John" <john@contoso.com>, Bob <bob@contoso.com>')).toEqual([
      'john@contoso.com',
      'bob@contoso.com',
    ]);
  });
  it('drops repeated addresses whatever their case, and is empty for blank input', () => {
    expect(parseRecipients('bob@contoso.com, BOB@contoso.com')).toEqual(['bob@contoso.com']);
    expect(parseRecipients('   ')).toEqual([]);
  });
  it('leaves what is not an address for the server to refuse', () => {
    expect(parseRecipients('bob, bob@contoso.com')).toEqual(['bob', 'bob@contoso.com']);
  });
});

describe('stateBadge', () => {
  it('names each state as people read it', () => {
    expect(stateBadge('CONNECTED')).toEqual({ label: 'Connected', className: 'badge badge-connected' });
    expect(stateBadge('NEEDS_REAUTH')).toEqual({ label: 'Needs reconnect', className: 'badge badge-needs-reauth' });
    expect(stateBadge('DISCONNECTED')).toEqual({ label: 'Disconnected', className: 'badge badge-disconnected' });
  });
});

describe('checkOutcome', () => {
  it('is unknown before any check, passed for OK, and failed with the reason otherwise', () => {
    expect(checkOutcome(null).ok).toBeNull();
    expect(checkOutcome('OK')).toEqual({ ok: true, message: 'The server accepted the token.' });
    expect(checkOutcome('NO AUTHENTICATE failed')).toEqual({ ok: false, message: 'NO AUTHENTICATE failed' });
  });
});

describe('sendEmailInput', () => {
  it('parses the recipient fields, trims the subject and sends the message as text', () => {
    const input = sendEmailInput('m1', {
      to: 'bob@contoso.com',
      cc: '',
      bcc: 'x@contoso.com; y@contoso.com',
      subject: '  Hello ',
      text: 'Hi Bob\n',
    });
    expect(input).toEqual({
      mailboxId: 'm1',
      to: ['bob@contoso.com'],
      cc: [],
      bcc: ['x@contoso.com', 'y@contoso.com'],
      subject: 'Hello',
      text: 'Hi Bob\n',
    });
  });
});

describe('startConnectionInput', () => {
  it('connects a personal mailbox, a shared one by its trimmed address, or reconnects one by id', () => {
    expect(startConnectionInput({ kind: 'PERSONAL', transport: 'IMAP' })).toEqual({
      kind: 'PERSONAL',
      transport: 'IMAP',
    });
    expect(
      startConnectionInput({ kind: 'SYSTEM', sharedAddress: ' support@contoso.com ', transport: 'GRAPH' }),
    ).toEqual({ kind: 'SYSTEM', sharedAddress: 'support@contoso.com', transport: 'GRAPH' });
    expect(startConnectionInput({ reconnect: { id: 'm1', kind: 'SYSTEM' } })).toEqual({
      kind: 'SYSTEM',
      mailboxId: 'm1',
    });
  });

  it('keeps a reconnected mailbox on its transport unless asked to switch', () => {
    expect(startConnectionInput({ reconnect: { id: 'm1', kind: 'PERSONAL' }, transport: 'GRAPH' })).toEqual({
      kind: 'PERSONAL',
      mailboxId: 'm1',
      transport: 'GRAPH',
    });
    expect(otherTransport('IMAP')).toBe('GRAPH');
    expect(otherTransport('GRAPH')).toBe('IMAP');
  });
});

describe('selectedFolderNames', () => {
  it('keeps the ticked folders in the order the server listed them', () => {
    const folders = [{ fullName: 'INBOX' }, { fullName: 'Archive/2030' }, { fullName: 'Sent Items' }];
    expect(selectedFolderNames(folders, new Set(['Sent Items', 'INBOX', 'Gone']))).toEqual(['INBOX', 'Sent Items']);
  });
});

describe('pushBadge', () => {
  const NOW = new Date(2030, 0, 2, 12, 0);
  const since = new Date(2030, 0, 2, 11, 58).toISOString();
  it('says instant only while watched', () => {
    expect(pushBadge({ state: 'WATCHING', since, reason: null }, NOW).label).toBe('New mail: instant');
    expect(pushBadge({ state: 'CONNECTING', since, reason: null }, NOW).label).toBe('New mail: connecting…');
    expect(
      pushBadge({ state: 'OFF', since: null, reason: 'INBOX is not among the synced folders.' }, NOW),
    ).toMatchObject({ label: 'New mail: on schedule', help: expect.stringMatching(/Sync now\. INBOX is not among/) });
  });
  it('says how a watched mailbox gets its mail: IMAP IDLE, or the reason Graph pushes it', () => {
    expect(pushBadge({ state: 'WATCHING', since, reason: null }, NOW).help).toMatch(/IMAP IDLE/);
    const graph = 'Microsoft Graph sends a change notification for new mail in the inbox; a delta run stores it.';
    expect(pushBadge({ state: 'WATCHING', since, reason: graph }, NOW)).toMatchObject({
      label: 'New mail: instant',
      help: graph,
    });
  });
  it('says since when it reconnects or fails, and why', () => {
    expect(pushBadge({ state: 'RECONNECTING', since, reason: 'Connection reset.' }, NOW)).toMatchObject({
      label: 'New mail: reconnecting since 11:58',
      className: 'badge badge-reconnecting',
      help: expect.stringMatching(
        /^The connection .* failed; the next attempt comes within seconds\. Connection reset\. /,
      ),
    });
    expect(pushBadge({ state: 'FAILING', since, reason: 'Connection refused.' }, NOW)).toMatchObject({
      label: 'New mail: failing since 11:58',
      className: 'badge badge-push-failing',
      help: expect.stringMatching(/^Waiting for new mail keeps failing: Connection refused\. It is tried again/),
    });
  });
});

describe('syncedFolders', () => {
  it('lists the chosen folders, and INBOX while none is chosen', () => {
    expect(syncedFolders(['INBOX', 'Archive'])).toBe('INBOX, Archive');
    expect(syncedFolders([])).toBe('INBOX (the default while no folder is chosen)');
  });
});
