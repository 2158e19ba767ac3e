-- The instances that push new mail, each renewing its row on every check: the watched mailboxes are split
-- evenly between the instances whose row is still live, and a killed instance's row lapses like its leases.
create table push_instance (
    instance   text primary key,
    live_until timestamptz not null
);
