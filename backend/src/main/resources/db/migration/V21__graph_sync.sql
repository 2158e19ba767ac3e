-- Folders and messages synchronised over Microsoft Graph, in the same tables as IMAP's: the Graph folder a stored
-- folder is read from, its delta checkpoint (the nextLink mid-round, the deltaLink after it; Graph's state token is
-- in the URL), and the full round in progress, whose end removes what that round did not see.
alter table mail_folder
    add column graph_folder_id      text,
    add column delta_link           text,
    add column delta_round_complete boolean not null default false,
    add column graph_full_round     uuid;

-- Graph's id of a message (null for IMAP rows until a Graph round adopts them by Message-ID), and the last full
-- round that saw it.
alter table mail_message
    add column graph_id    text,
    add column graph_round uuid;
create unique index mail_message_graph_id on mail_message (folder_id, graph_id) where graph_id is not null;
