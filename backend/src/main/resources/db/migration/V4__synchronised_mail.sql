-- Folders of a mailbox as last seen over IMAP, with the sync checkpoint: UIDVALIDITY and the highest UID stored.
create table mail_folder (
    id             uuid primary key default gen_random_uuid(),
    mailbox_id     uuid        not null references mailbox (id) on delete cascade,
    full_name      text        not null,
    uid_validity   bigint,
    last_uid       bigint      not null default 0,
    last_synced_at timestamptz,
    unique (mailbox_id, full_name)
);

-- Synchronised messages: one row per folder and UID, never two.
create table mail_message (
    id             uuid primary key default gen_random_uuid(),
    folder_id      uuid        not null references mail_folder (id) on delete cascade,
    uid            bigint      not null,
    message_id     text,
    in_reply_to    text,
    subject        text,
    from_name      text,
    from_address   text,
    to_addresses   text[]      not null default '{}',
    cc_addresses   text[]      not null default '{}',
    sent_at        timestamptz,
    received_at    timestamptz,
    size           bigint      not null default 0,
    flags          text[]      not null default '{}',
    text_body      text,
    html_body      text,
    body_truncated boolean     not null default false,
    attachments    jsonb       not null default '[]',
    unique (folder_id, uid)
);
create index mail_message_newest on mail_message (folder_id, received_at desc nulls last, uid desc);
create index mail_message_message_id on mail_message (message_id);

-- One synchronisation per mailbox at a time, across instances; a lease expires if its holder dies.
create table sync_lease (
    mailbox_id uuid primary key references mailbox (id) on delete cascade,
    holder     text        not null,
    expires_at timestamptz not null
);
