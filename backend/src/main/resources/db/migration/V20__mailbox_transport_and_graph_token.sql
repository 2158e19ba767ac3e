-- Each mailbox is read and sent from over IMAP/SMTP or Microsoft Graph; switching keeps the mailbox and its mail.
alter table mailbox
    add column transport text not null default 'IMAP' check (transport in ('IMAP', 'GRAPH'));

-- Microsoft issues one access token per resource: Exchange Online's (the existing access_* columns) and, next to
-- it, Microsoft Graph's, both AES-GCM encrypted; the refresh token and the row lock stay shared by both.
alter table mailbox_token
    alter column access_token drop not null,
    alter column access_key_id drop not null,
    alter column access_expires_at drop not null,
    add column graph_access_token      bytea,
    add column graph_access_key_id     text,
    add column graph_access_expires_at timestamptz,
    add constraint mailbox_token_outlook_whole check (
        (access_token is null) = (access_key_id is null) and (access_token is null) = (access_expires_at is null)),
    add constraint mailbox_token_graph_whole check (
        (graph_access_token is null) = (graph_access_key_id is null)
            and (graph_access_token is null) = (graph_access_expires_at is null)),
    add constraint mailbox_token_some_access check (access_token is not null or graph_access_token is not null);
