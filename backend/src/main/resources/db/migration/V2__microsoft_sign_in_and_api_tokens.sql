-- Microsoft identities linked to local accounts, by the identity's object id within its tenant.
create table external_identity (
    provider       text        not null,
    tenant_id      text        not null,
    subject        text        not null,
    user_id        uuid        not null references app_user (id) on delete cascade,
    email          text,
    created_at     timestamptz not null default now(),
    last_signed_in timestamptz not null default now(),
    primary key (provider, tenant_id, subject)
);

create index app_user_email on app_user (lower(email));

-- Personal API tokens for tooling; only a SHA-256 hash of the token is kept.
create table api_token (
    id           uuid primary key default gen_random_uuid(),
    user_id      uuid        not null references app_user (id) on delete cascade,
    name         text        not null,
    token_hash   bytea       not null unique,
    created_at   timestamptz not null default now(),
    last_used_at timestamptz,
    expires_at   timestamptz,
    revoked_at   timestamptz
);
create index api_token_user on api_token (user_id, created_at desc);
