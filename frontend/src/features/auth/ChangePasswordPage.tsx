// "Choose a new password": the only screen while the account still uses its one-time password.
import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { Flash } from '../../components/Flash';
import { groupUserErrors } from '../../lib/userErrors';
import { ChangePasswordMutation } from './documents';
import { useSession } from './session';

const FIELDS = ['currentPassword', 'newPassword'] as const;
type Field = (typeof FIELDS)[number] | 'repeat';

export function ChangePasswordPage() {
  const { me, signIn, signOut } = useSession();
  const [, changePassword] = useMutation(ChangePasswordMutation);
  const [values, setValues] = useState({ currentPassword: '', newPassword: '', repeat: '' });
  const [errors, setErrors] = useState<Partial<Record<Field, string[]>>>({});
  const [general, setGeneral] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (values.newPassword !== values.repeat) {
      setErrors({ repeat: ['The two new passwords do not match.'] });
      return;
    }
    setBusy(true);
    const { currentPassword, newPassword } = values;
    const result = await changePassword({ input: { currentPassword, newPassword } });
    const payload = result.data?.changePassword;
    const grouped = groupUserErrors(payload?.errors ?? [], FIELDS);
    if (result.error) grouped.general.push(result.error.message);
    setErrors(grouped.byField);
    setGeneral(grouped.general);
    if (payload && payload.errors.length === 0 && !result.error && me) {
      const error = await signIn(me.username, newPassword);
      if (error) setGeneral([error]);
    }
    setBusy(false);
  }

  const field = (name: Field, label: string, autoComplete: string) => (
    <div className={`stacked-field${errors[name] ? ' has-error' : ''}`}>
      <label htmlFor={`cp-${name}`}>{label}</label>
      <input
        id={`cp-${name}`}
        type="password"
        autoComplete={autoComplete}
        required
        value={values[name]}
        aria-describedby={errors[name] ? `cp-${name}-error` : undefined}
        onChange={(e) => setValues({ ...values, [name]: e.target.value })}
      />
      {errors[name] && (
        <div className="field-error" id={`cp-${name}-error`}>
          {errors[name]!.join(' ')}
        </div>
      )}
    </div>
  );

  return (
    <div className="login-page">
      <form className="login-box" onSubmit={submit}>
        <h1>Choose a new password</h1>
        <p>You signed in with a one-time password. Choose your own password to continue.</p>
        {general.length > 0 && <Flash type="error">{general.join(' ')}</Flash>}
        {field('currentPassword', 'Current password', 'current-password')}
        {field('newPassword', 'New password', 'new-password')}
        {field('repeat', 'Repeat new password', 'new-password')}
        <button type="submit" className="btn btn-primary" disabled={busy}>
          Change password
        </button>
        <button type="button" className="btn btn-link" onClick={() => void signOut()}>
          Sign out
        </button>
      </form>
    </div>
  );
}
