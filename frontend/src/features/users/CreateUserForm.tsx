// The "Create user" form: username, display name, e-mail, password and role, with errors per field.
import { useState, type FormEvent, type ReactNode } from 'react';
import { useMutation } from 'urql';
import { Flash } from '../../components/Flash';
import type { Role } from '../../gql/graphql';
import { groupUserErrors } from '../../lib/userErrors';
import { CreateUserMutation } from './documents';

const FIELDS = ['username', 'displayName', 'email', 'password', 'role'] as const;
type Field = (typeof FIELDS)[number];
const EMPTY = { username: '', displayName: '', email: '', password: '', role: 'USER' as Role };

export function CreateUserForm({ onCreated }: { onCreated: (username: string) => void }) {
  const [{ fetching }, createUser] = useMutation(CreateUserMutation);
  const [values, setValues] = useState(EMPTY);
  const [errors, setErrors] = useState<Partial<Record<Field, string[]>>>({});
  const [general, setGeneral] = useState<string[]>([]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const { username, displayName, email, password, role } = values;
    const input = { username, password, role, displayName: displayName || null, email: email || null };
    const result = await createUser({ input });
    const payload = result.data?.createUser;
    const grouped = groupUserErrors(payload?.errors ?? [], FIELDS);
    if (result.error) grouped.general.push(result.error.message);
    setErrors(grouped.byField);
    setGeneral(grouped.general);
    if (payload?.user && payload.errors.length === 0) {
      setValues(EMPTY);
      onCreated(payload.user.username);
    }
  }

  const field = (name: Field, label: string, control: (describedBy?: string) => ReactNode) => (
    <div className={`stacked-field${errors[name] ? ' has-error' : ''}`}>
      <label htmlFor={`user-${name}`}>{label}</label>
      {control(errors[name] ? `user-${name}-error` : undefined)}
      {errors[name] && (
        <div className="field-error" id={`user-${name}-error`}>
          {errors[name]!.join(' ')}
        </div>
      )}
    </div>
  );
  const text =
    (name: Exclude<Field, 'role'>, type = 'text') =>
    (describedBy?: string) => (
      <input
        id={`user-${name}`}
        type={type}
        autoComplete={type === 'password' ? 'new-password' : 'off'}
        aria-describedby={describedBy}
        value={values[name]}
        onChange={(e) => setValues({ ...values, [name]: e.target.value })}
      />
    );

  return (
    <form className="panel create-user" onSubmit={submit} aria-label="Create user">
      <h2>Create user</h2>
      {general.length > 0 && <Flash type="error">{general.join(' ')}</Flash>}
      {field('username', 'Username', text('username'))}
      {field('displayName', 'Display name', text('displayName'))}
      {field('email', 'Email', text('email', 'email'))}
      {field('password', 'Password', text('password', 'password'))}
      {field('role', 'Role', (describedBy) => (
        <select
          id="user-role"
          aria-describedby={describedBy}
          value={values.role}
          onChange={(e) => setValues({ ...values, role: e.target.value as Role })}
        >
          <option value="USER">User</option>
          <option value="ADMIN">Administrator</option>
        </select>
      ))}
      <button type="submit" className="btn btn-primary" disabled={fetching}>
        Create user
      </button>
    </form>
  );
}
