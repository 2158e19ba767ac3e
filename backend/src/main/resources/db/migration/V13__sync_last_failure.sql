-- The last run of a mailbox that did not succeed stays visible after later successes: what failed, why, and when.
alter table mailbox_sync
    add column last_failure_state  text,
    add column last_failure_reason text,
    add column last_failed_at      timestamptz;
