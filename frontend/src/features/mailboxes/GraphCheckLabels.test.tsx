// A Graph mailbox's check says what it checked: reading and sending over Microsoft Graph, never IMAP or SMTP.
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderWithStubs } from '../../lib/testing';
import { ConnectionCheck } from './ConnectionCheck';
import { MailboxDetails } from './MailboxDetails';
import { mailbox } from './testing';

afterEach(cleanup);

const checked = { lastCheckAt: '2030-01-02T09:00:00Z', imapCheck: 'OK', smtpCheck: 'OK' };

describe('check labels by transport', () => {
  it('names Graph reading and sending for a Graph mailbox', () => {
    const graph = mailbox({ transport: 'GRAPH', ...checked });
    renderWithStubs(
      <ConnectionCheck
        result={{ mailbox: graph, imapOk: true, smtpOk: false, errors: [], folders: [] }}
        onFoldersSaved={() => {}}
        onFailed={() => {}}
      />,
      {},
    );
    expect(screen.getByText(/Graph reading ✓/)).toBeTruthy();
    expect(screen.getByText(/Graph sending ✗/)).toBeTruthy();
    expect(document.body.textContent).not.toMatch(/SMTP|IMAP/);
  });

  it('lists the folders only once Microsoft Graph accepts the connection', () => {
    const graph = mailbox({ transport: 'GRAPH', ...checked, imapCheck: 'Mail access refused: ...' });
    renderWithStubs(
      <ConnectionCheck
        result={{ mailbox: graph, imapOk: false, smtpOk: true, errors: [], folders: [] }}
        onFoldersSaved={() => {}}
        onFailed={() => {}}
      />,
      {},
    );
    expect(screen.getByText('The folders are listed once Microsoft Graph accepts the connection.')).toBeTruthy();
  });

  it('keeps IMAP and SMTP for an IMAP mailbox, and Graph labels on a Graph card', () => {
    renderWithStubs(<MailboxDetails mailbox={mailbox(checked)} />, {});
    expect(document.body.textContent).toContain('IMAP ✓');
    expect(document.body.textContent).toContain('SMTP ✓');
    cleanup();
    renderWithStubs(<MailboxDetails mailbox={mailbox({ transport: 'GRAPH', ...checked })} />, {});
    expect(document.body.textContent).toContain('Graph reading ✓');
    expect(document.body.textContent).not.toMatch(/SMTP/);
  });
});
