// The message form: From (the mailbox, read-only), To, Cc, Bcc, Subject, Message; errors under their field, then "sent".
import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { Flash } from '../../components/Flash';
import { FormRow } from '../../components/FormRow';
import { groupUserErrors } from '../../lib/userErrors';
import { SendEmailMutation } from './documents';
import { EMPTY_COMPOSE, sendEmailInput, type ComposeForm as Form } from './mailboxes';

const FIELDS = ['to', 'cc', 'bcc', 'subject', 'text'] as const;
type Field = (typeof FIELDS)[number];
const RECIPIENTS_HINT = 'Separate several addresses with commas.';

type Props = { mailboxId: string; from: string; disabled?: boolean };

export function ComposeForm({ mailboxId, from, disabled = false }: Props) {
  const [{ fetching }, send] = useMutation(SendEmailMutation);
  const [form, setForm] = useState<Form>(EMPTY_COMPOSE);
  const [errors, setErrors] = useState<Partial<Record<Field, string[]>>>({});
  const [general, setGeneral] = useState<string[]>([]);
  const [sentTo, setSentTo] = useState<readonly string[] | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSentTo(null);
    const result = await send({ input: sendEmailInput(mailboxId, form) });
    const payload = result.data?.sendEmail;
    const grouped = groupUserErrors(payload?.errors ?? [], FIELDS);
    if (result.error) grouped.general.push(result.error.message);
    setErrors(grouped.byField);
    setGeneral(grouped.general);
    if (payload?.sentMessage && payload.errors.length === 0) {
      setForm(EMPTY_COMPOSE);
      setSentTo(payload.sentMessage.recipients);
    }
  }

  const text = (id: Field, label: string, hint?: string) => (
    <FormRow id={`compose-${id}`} label={label} hint={hint} errors={errors[id]}>
      {(describedBy) => (
        <input
          id={`compose-${id}`}
          type="text"
          autoComplete="off"
          aria-describedby={describedBy}
          value={form[id]}
          onChange={(e) => setForm({ ...form, [id]: e.target.value })}
        />
      )}
    </FormRow>
  );

  return (
    <form className="panel compose-form" onSubmit={submit} aria-label="Compose message" noValidate>
      {sentTo && <Flash type="success">Message sent to {sentTo.join(', ')}.</Flash>}
      {general.length > 0 && <Flash type="error">The message was not sent. {general.join(' ')}</Flash>}
      <FormRow id="compose-from" label="From">
        {() => <input id="compose-from" type="text" readOnly value={from} />}
      </FormRow>
      {text('to', 'To', RECIPIENTS_HINT)}
      {text('cc', 'Cc')}
      {text('bcc', 'Bcc')}
      {text('subject', 'Subject')}
      <FormRow id="compose-text" label="Message" errors={errors.text}>
        {(describedBy) => (
          <textarea
            id="compose-text"
            rows={12}
            aria-describedby={describedBy}
            value={form.text}
            onChange={(e) => setForm({ ...form, text: e.target.value })}
          />
        )}
      </FormRow>
      <div className="compose-actions">
        <button type="submit" className="btn btn-primary" disabled={fetching || disabled}>
          {fetching ? 'Sending…' : 'Send'}
        </button>
      </div>
    </form>
  );
}
