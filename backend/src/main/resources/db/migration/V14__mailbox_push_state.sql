-- How pushing a mailbox's new mail goes, as written by the watcher of the instance holding its PUSH lease, so every
-- instance shows the same: CONNECTING, WATCHING, RECONNECTING or FAILING since when and why, or OFF (it stopped).
-- A row counts only while its holder holds the mailbox's live PUSH lease.
create table mailbox_push (
    mailbox_id uuid primary key references mailbox (id) on delete cascade,
    holder     text        not null,
    state      text        not null,
    since      timestamptz not null,
    reason     text,
    updated_at timestamptz not null default now()
);
