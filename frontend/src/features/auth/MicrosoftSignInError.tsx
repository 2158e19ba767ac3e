// The box on the sign-in page after a failed Microsoft 365 sign-in: why, in words, and the ids for support.
import { MicrosoftErrorDetails, type MicrosoftErrorLike } from '../../components/MicrosoftErrorDetails';

export const SIGN_IN_INCOMPLETE = 'The Microsoft 365 sign-in did not complete. Try again.';

export function MicrosoftSignInError({ error }: { error: MicrosoftErrorLike | null | undefined }) {
  return (
    <div className="flash flash-error sign-in-error" role="alert">
      <strong>{error?.message ?? SIGN_IN_INCOMPLETE}</strong>
      {error && <MicrosoftErrorDetails error={error} />}
    </div>
  );
}
