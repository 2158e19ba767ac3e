-- Password sign-in attempts per account name and per client address, shared by every instance: how many
-- failed in a row, and until when further attempts are refused (429). A row is forgotten once quiet long enough.
create table sign_in_throttle (
    scope           text        not null check (scope in ('ACCOUNT', 'ADDRESS')),
    key             text        not null,
    failures        integer     not null default 0,
    locked_until    timestamptz,
    last_failure_at timestamptz not null,
    primary key (scope, key)
);
create index sign_in_throttle_last_failure_at on sign_in_throttle (last_failure_at);

-- Security events an administrator can review: what happened, to which account name, from which address, when.
create table audit_event (
    id             bigserial primary key,
    occurred_at    timestamptz not null,
    action         text        not null,
    actor_id       uuid        references app_user (id) on delete set null,
    actor_name     text,
    client_address text,
    details        jsonb       not null default '{}'
);
create index audit_event_occurred_at on audit_event (occurred_at desc, id desc);

-- A one-time password (the first administrator's, printed to the log) stops working at this time; null for a
-- password the user chose. One left over from before this column existed has expired: the next start prints a new one.
alter table app_user add column one_time_password_expires_at timestamptz;
update app_user set one_time_password_expires_at = now() where must_change_password;
