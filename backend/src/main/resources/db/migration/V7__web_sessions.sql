-- Browser sessions, shared by every instance and kept across restarts. The row is found by a SHA-256 hash of
-- the session id (the cookie value is never stored), and its attributes (security context, pending OAuth
-- requests with their PKCE verifiers) are Java-serialised and AES-GCM encrypted, bound to the row.
create table web_session (
    id_hash          bytea primary key,
    account_id       uuid references app_user (id) on delete cascade,
    created_at       timestamptz not null,
    last_accessed_at timestamptz not null,
    max_inactive_s   integer     not null,
    expires_at       timestamptz not null,
    key_id           text        not null,
    attributes       bytea       not null
);
create index web_session_account on web_session (account_id);
create index web_session_expires_at on web_session (expires_at);
