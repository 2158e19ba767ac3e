// The read-only Redirect URI with a Copy button, the value to register in Azure, and where it came from while not configured.
import { CopyButton } from '../../components/CopyButton';
import { FormRow } from '../../components/FormRow';
import type { RedirectUriSource } from '../../gql/graphql';
import { HELP, REDIRECT_HINT, redirectFromRequest } from './help';

type Props = {
  value: string;
  source: RedirectUriSource;
  requestBaseUrl: string;
  forwardedHeadersTrusted: boolean;
};

export function RedirectUriRow({ value, source, requestBaseUrl, forwardedHeadersTrusted }: Props) {
  const fromRequest = source === 'REQUEST';
  return (
    <FormRow
      id="redirectUri"
      label="Redirect URI"
      help={HELP.redirectUri}
      hint={
        <>
          {fromRequest && (
            <span className="redirect-uri-warning" role="note">
              {redirectFromRequest(requestBaseUrl, forwardedHeadersTrusted)}{' '}
            </span>
          )}
          {REDIRECT_HINT}
        </>
      }
    >
      {(describedBy) => (
        <div className="input-with-button">
          <input id="redirectUri" type="text" readOnly value={value} aria-describedby={describedBy} />
          <CopyButton value={value} />
        </div>
      )}
    </FormRow>
  );
}
