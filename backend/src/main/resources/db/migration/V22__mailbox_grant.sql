-- A mailbox is reached through a user's consent (DELEGATED: a refresh token, scopes of the user) or, for a shared
-- mailbox an admin connects without a delegate, with the application's own permission (APPLICATION: an app-only
-- token from client credentials, renewed with the registration's credential; no refresh token is kept).
alter table mailbox
    add column grant_kind text not null default 'DELEGATED' check (grant_kind in ('DELEGATED', 'APPLICATION')),
    add constraint mailbox_application_grant_shared_over_graph check (
        grant_kind = 'DELEGATED' or (kind = 'SYSTEM' and transport = 'GRAPH'));
