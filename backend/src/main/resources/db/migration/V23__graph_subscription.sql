-- A mailbox connected over Microsoft Graph whose inbox Graph pushes changes of (change notifications): the
-- subscription Graph created, when it ends, the SHA-256 of the client state Graph sends back with each notification
-- (the state itself is a secret and is not kept), when the last notification came (the mailbox is due for a delta run
-- when that is after its last run started), whether Graph asked for the subscription to be reauthorized, and the last
-- failure to create or renew one (the mailbox then polls, and creation is tried again later).
create table graph_subscription (
    mailbox_id uuid primary key references mailbox (id) on delete cascade,
    subscription_id text unique,
    client_state_sha256 text,
    expires_at timestamptz,
    created_at timestamptz,
    renew_requested boolean not null default false,
    notified_at timestamptz,
    last_error text,
    last_error_at timestamptz
);
