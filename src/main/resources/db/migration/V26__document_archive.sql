-- Issue 17: a document that can no longer be deleted (it has a final version or an acceptance) can be archived.
-- An archived document leaves the list, the counters and the key-documents line, and stays readable under "Archived".
alter table document
    add column archived_at timestamp with time zone,
    add column archived_by varchar(100),
    add constraint document_archived_by check ((archived_at is null) = (archived_by is null));
-- the archived section of a workspace lists few rows; the live list and counters keep their indexes
create index document_archived_idx on document (client_id, archived_at desc) where archived_at is not null;
