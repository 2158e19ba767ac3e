-- What is known of each Microsoft credential the app used (a client secret or a certificate), shared by every
-- instance: when it expires (read through Microsoft Graph, or from the certificate), why that is unknown, and when
-- Microsoft refused it as expired (AADSTS7000222). A credential is named without its secret: its kind, the client
-- ID and when it was saved (or the certificate's thumbprint), so the row of a replaced credential no longer counts.
create table microsoft_credential_status (
    credential       text primary key,
    expires_at       timestamptz,
    expiry_note      text,
    checked_at       timestamptz,
    rejected_at      timestamptz,
    rejected_message text,
    updated_at       timestamptz not null default now()
);
