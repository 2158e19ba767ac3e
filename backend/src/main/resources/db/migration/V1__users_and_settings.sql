-- Local accounts: the first administrator and the users an administrator creates.
create table app_user (
    id                   uuid primary key default gen_random_uuid(),
    username             text        not null,
    display_name         text        not null,
    email                text,
    password_hash        text,
    role                 text        not null check (role in ('ADMIN', 'USER')),
    must_change_password boolean     not null default false,
    enabled              boolean     not null default true,
    created_at           timestamptz not null default now()
);
create unique index app_user_username_key on app_user (lower(username));

-- System-level configuration values. A missing row means "Use Default" (the value from server configuration).
-- A secret is stored only as AES-GCM ciphertext with the id of the key that made it.
create table system_setting (
    name              text primary key,
    text_value        text,
    secret_ciphertext bytea,
    secret_key_id     text,
    updated_at        timestamptz not null default now(),
    updated_by        uuid references app_user (id),
    constraint system_setting_one_kind check ((text_value is null) <> (secret_ciphertext is null)),
    constraint system_setting_key_with_secret check ((secret_ciphertext is null) = (secret_key_id is null))
);

-- Audit trail of setting changes: who changed which field and when. Secrets appear only as "replaced"/"cleared".
create table system_setting_change (
    id         bigserial primary key,
    name       text        not null,
    action     text        not null check (action in ('SET', 'RESET_TO_DEFAULT', 'SECRET_REPLACED', 'SECRET_CLEARED')),
    old_value  text,
    new_value  text,
    changed_by uuid        not null references app_user (id),
    changed_at timestamptz not null default now()
);
create index system_setting_change_changed_at on system_setting_change (changed_at desc, id desc);
