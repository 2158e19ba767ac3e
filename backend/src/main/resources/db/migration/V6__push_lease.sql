-- A lease now says what it is for: SYNC (one synchronisation of a mailbox at a time) or PUSH (one instance
-- waits in IMAP IDLE on the mailbox's INBOX), so both kinds of work are held once across instances.
alter table sync_lease add column purpose text not null default 'SYNC';
alter table sync_lease drop constraint sync_lease_pkey;
alter table sync_lease add primary key (mailbox_id, purpose);
