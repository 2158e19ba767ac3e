-- User-triggered calls that reach Microsoft or a mail server (Check connection, folder selection, Sync now,
-- sending, Test connection), counted per subject (a mailbox, an app registration) and operation in fixed
-- windows; in the database so that every instance enforces one shared limit.
create table operation_rate_limit (
    subject text not null,
    operation text not null,
    window_start timestamptz not null,
    calls integer not null,
    primary key (subject, operation)
);
