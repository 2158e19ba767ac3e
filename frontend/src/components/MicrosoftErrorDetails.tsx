// What Microsoft said about a failed request: its own words, the error code, and the ids its support asks for.
export type MicrosoftErrorLike = {
  error: string;
  aadsts?: string | null;
  message: string;
  microsoftDescription?: string | null;
  traceId?: string | null;
  correlationId?: string | null;
  consentUrl?: string | null;
};

export function MicrosoftErrorDetails({ error }: { error: MicrosoftErrorLike }) {
  const said = error.microsoftDescription && error.microsoftDescription !== error.message;
  const code = error.aadsts ? `${error.aadsts} (${error.error})` : error.error;
  return (
    <div className="ms-error">
      {said && <p className="ms-error-said">Microsoft said: {error.microsoftDescription}</p>}
      {error.consentUrl && (
        <p className="ms-error-consent">
          <a href={error.consentUrl} target="_blank" rel="noopener noreferrer">
            Grant admin consent for the tenant
          </a>{' '}
          (an administrator of the tenant signs in at Microsoft and accepts the permissions)
        </p>
      )}
      <div className="ms-error-id">
        Error code: <code>{code}</code>
      </div>
      {error.traceId && (
        <div className="ms-error-id">
          Trace ID: <code>{error.traceId}</code>
        </div>
      )}
      {error.correlationId && (
        <div className="ms-error-id">
          Correlation ID: <code>{error.correlationId}</code>
        </div>
      )}
    </div>
  );
}
