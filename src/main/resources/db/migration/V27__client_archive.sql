-- Issue 17: a client can be archived. It leaves the list, search and counters, its open deals are lost with the
-- reason "client archived", its open tasks are cancelled and its portal access revoked; every record stays and is
-- readable under "Archived", and unarchiving brings the client back.
alter table client
    add column archived_at timestamp with time zone,
    add column archived_by varchar(100),
    add constraint client_archived_by check ((archived_at is null) = (archived_by is null));
-- the archived filter of the client list
create index client_archived_idx on client (archived_at desc) where archived_at is not null;
