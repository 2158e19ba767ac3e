-- When each mailbox was last synchronised, how it went, and when the scheduler should try next (with backoff).
create table mailbox_sync (
    mailbox_id       uuid primary key references mailbox (id) on delete cascade,
    last_started_at  timestamptz,
    last_finished_at timestamptz,
    last_state       text,
    last_reason      text,
    new_messages     integer     not null default 0,
    failures         integer     not null default 0,
    next_attempt_at  timestamptz not null default now()
);
