-- Connected Microsoft 365 mailboxes: a user's own (PERSONAL) or a shared one connected by an admin (SYSTEM).
create table mailbox (
    id               uuid primary key default gen_random_uuid(),
    kind             text        not null check (kind in ('PERSONAL', 'SYSTEM')),
    owner_id         uuid references app_user (id) on delete cascade,
    address          text        not null,
    state            text        not null check (state in ('CONNECTED', 'NEEDS_REAUTH', 'DISCONNECTED')),
    last_error       text,
    connected_by     uuid references app_user (id) on delete set null,
    connected_at     timestamptz,
    tenant_id        text,
    object_id        text,
    selected_folders text[]      not null default '{}',
    last_check_at    timestamptz,
    imap_check       text,
    smtp_check       text,
    created_at       timestamptz not null default now(),
    constraint mailbox_owner_by_kind check ((kind = 'SYSTEM') = (owner_id is null))
);
create unique index mailbox_personal_address on mailbox (owner_id, lower(address)) where kind = 'PERSONAL';
create unique index mailbox_system_address on mailbox (lower(address)) where kind = 'SYSTEM';

-- OAuth tokens of a mailbox, AES-GCM encrypted; the row is locked while a refresh rotates them.
create table mailbox_token (
    mailbox_id        uuid primary key references mailbox (id) on delete cascade,
    access_token      bytea       not null,
    access_key_id     text        not null,
    access_expires_at timestamptz not null,
    refresh_token     bytea,
    refresh_key_id    text,
    updated_at        timestamptz not null default now()
);

-- Messages sent from a mailbox through the app.
create table sent_message (
    id          uuid primary key default gen_random_uuid(),
    mailbox_id  uuid        not null references mailbox (id) on delete cascade,
    message_id  text        not null,
    sent_by     uuid references app_user (id) on delete set null,
    recipients  text[]      not null,
    subject     text        not null,
    sent_at     timestamptz not null default now()
);
create index sent_message_mailbox on sent_message (mailbox_id, sent_at desc);
