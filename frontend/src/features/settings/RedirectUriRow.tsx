// The read-only Redirect URI with a Copy button, the value to register in Azure.
import { CopyButton } from '../../components/CopyButton';
import { FormRow } from '../../components/FormRow';
import { HELP, REDIRECT_HINT } from './help';

export function RedirectUriRow({ value }: { value: string }) {
  return (
    <FormRow id="redirectUri" label="Redirect URI" help={HELP.redirectUri} hint={REDIRECT_HINT}>
      {(describedBy) => (
        <div className="input-with-button">
          <input id="redirectUri" type="text" readOnly value={value} aria-describedby={describedBy} />
          <CopyButton value={value} />
        </div>
      )}
    </FormRow>
  );
}
