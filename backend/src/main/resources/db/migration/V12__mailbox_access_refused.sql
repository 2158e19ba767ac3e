-- A mailbox whose mail server refuses even a freshly renewed token (IMAP/SMTP AUTH disabled, a missing scope, a
-- delegate without rights): ACCESS_REFUSED, with the protocols that refused, so the mailbox is CONNECTED again only
-- once a login over each of them has worked.
alter table mailbox drop constraint mailbox_state_check;
alter table mailbox add constraint mailbox_state_check
    check (state in ('CONNECTED', 'NEEDS_REAUTH', 'ACCESS_REFUSED', 'DISCONNECTED'));
alter table mailbox add column access_refused_by text[] not null default '{}';
