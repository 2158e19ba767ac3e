// Renders Compose against a stubbed /graphql: From read-only, recipients parsed, errors under fields, "Message sent to".
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ComposePage } from './ComposePage';
import { renderWithStubs, type Stubs } from '../../lib/testing';
import { mailbox } from './testing';

afterEach(cleanup);

const JANE = mailbox();
const type = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });

function renderCompose(sendEmail: Stubs[string], state: 'CONNECTED' | 'NEEDS_REAUTH' = 'CONNECTED') {
  return renderWithStubs(
    <ComposePage />,
    {
      Mailbox: () => ({ mailbox: { ...JANE, state } }),
      SendEmail: sendEmail,
    },
    { path: '/mailboxes/:id/compose', url: `/mailboxes/${JANE.id}/compose` },
  );
}

describe('ComposePage', () => {
  it('sends from the mailbox to the parsed recipients and says to whom, clearing the form', async () => {
    const { of } = renderCompose(() => ({
      sendEmail: {
        errors: [],
        sentMessage: {
          id: 's1',
          messageId: '<x@contoso>',
          recipients: ['bob@contoso.com', 'ann@contoso.com'],
          subject: 'Hello',
          sentAt: '2030-01-01T10:00:00Z',
        },
      },
    }));
    const from = (await screen.findByLabelText('From')) as HTMLInputElement;
    expect(from.value).toBe('jane@contoso.com');
    expect(from.readOnly).toBe(true);
    type('To', 'Bob <bob@contoso.com>');
    type('Cc', 'ann@contoso.com, ');
    type('Subject', ' Hello ');
    type('Message', 'Hi Bob');
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    expect((await screen.findByRole('status')).textContent).toBe('Message sent to bob@contoso.com, ann@contoso.com.');
    expect(of('SendEmail')[0].variables.input).toEqual({
      mailboxId: JANE.id,
      to: ['bob@contoso.com'],
      cc: ['ann@contoso.com'],
      bcc: [],
      subject: 'Hello',
      text: 'Hi Bob',
    });
    expect((screen.getByLabelText('To') as HTMLInputElement).value).toBe('');
  });

  it('shows the errors under their fields and server refusals at the top, keeping what was typed', async () => {
    renderCompose(() => ({
      sendEmail: {
        sentMessage: null,
        errors: [
          { field: 'to', code: 'INVALID_FORMAT', message: 'Not an e-mail address: bob' },
          { field: 'subject', code: 'REQUIRED', message: 'Enter a subject.' },
          { field: null, code: 'MAIL_SERVER_REFUSED', message: 'The mail server refused the token.' },
        ],
      },
    }));
    await screen.findByLabelText('From');
    type('To', 'bob');
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    await screen.findByText('Not an e-mail address: bob');
    expect(document.getElementById('compose-to-error')?.textContent).toBe('Not an e-mail address: bob');
    expect(screen.getByLabelText('To').getAttribute('aria-describedby')).toContain('compose-to-error');
    expect(document.getElementById('compose-subject-error')?.textContent).toBe('Enter a subject.');
    expect(screen.getByRole('alert').textContent).toBe('The message was not sent. The mail server refused the token.');
    expect((screen.getByLabelText('To') as HTMLInputElement).value).toBe('bob');
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('does not offer Send from a mailbox that needs reconnecting', async () => {
    renderCompose(() => ({}), 'NEEDS_REAUTH');
    expect((await screen.findByRole('alert')).textContent).toContain('jane@contoso.com is not connected');
    expect((screen.getByRole('button', { name: 'Send' }) as HTMLButtonElement).disabled).toBe(true);
  });
});
