// The "Create token" form: a name and an optional expiry date (valid through the end of that day), errors per field.
import { useState, type FormEvent, type ReactNode } from 'react';
import { useMutation } from 'urql';
import { Flash } from '../../components/Flash';
import { groupUserErrors } from '../../lib/userErrors';
import { CreateApiTokenMutation } from './documents';
import { endOfDay, today } from './tokens';

const FIELDS = ['name', 'expiresAt'] as const;
type Field = (typeof FIELDS)[number];

export function CreateTokenForm({ onCreated }: { onCreated: (name: string, secret: string) => void }) {
  const [{ fetching }, createToken] = useMutation(CreateApiTokenMutation);
  const [name, setName] = useState('');
  const [expires, setExpires] = useState('');
  const [errors, setErrors] = useState<Partial<Record<Field, string[]>>>({});
  const [general, setGeneral] = useState<string[]>([]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = await createToken({ input: { name: name.trim(), expiresAt: endOfDay(expires) } });
    const payload = result.data?.createApiToken;
    const grouped = groupUserErrors(payload?.errors ?? [], FIELDS);
    if (result.error) grouped.general.push(result.error.message);
    setErrors(grouped.byField);
    setGeneral(grouped.general);
    if (payload?.token && payload.secret && payload.errors.length === 0) {
      setName('');
      setExpires('');
      onCreated(payload.token.name, payload.secret);
    }
  }

  const field = (id: Field, label: string, hint: string | null, control: (describedBy?: string) => ReactNode) => {
    const describedBy = [errors[id] && `token-${id}-error`, hint && `token-${id}-hint`].filter(Boolean).join(' ');
    return (
      <div className={`stacked-field${errors[id] ? ' has-error' : ''}`}>
        <label htmlFor={`token-${id}`}>{label}</label>
        {control(describedBy || undefined)}
        {errors[id] && (
          <div className="field-error" id={`token-${id}-error`}>
            {errors[id]!.join(' ')}
          </div>
        )}
        {hint && (
          <div className="field-hint" id={`token-${id}-hint`}>
            {hint}
          </div>
        )}
      </div>
    );
  };

  return (
    <form className="panel create-token" onSubmit={submit} aria-label="Create token" noValidate>
      <h2>Create token</h2>
      {general.length > 0 && <Flash type="error">{general.join(' ')}</Flash>}
      {field('name', 'Name', 'What the token is for, e.g. the script that uses it', (describedBy) => (
        <input
          id="token-name"
          type="text"
          autoComplete="off"
          aria-describedby={describedBy}
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
      ))}
      {field('expiresAt', 'Expires', 'Optional: valid through the end of that day', (describedBy) => (
        <input
          id="token-expiresAt"
          type="date"
          min={today()}
          aria-describedby={describedBy}
          value={expires}
          onChange={(e) => setExpires(e.target.value)}
        />
      ))}
      <button type="submit" className="btn btn-primary" disabled={fetching}>
        Create token
      </button>
    </form>
  );
}
