-- The portal's document list of a client (shared with the client, newest change first): a partial index that holds
-- exactly those rows in that order, as V74 does for files. document_shared_idx (client_id, project_id) left the
-- planner a sort of the busy client's shared documents, and at some statistics a sequential scan of the table
-- looked cheaper (the workspace guard caught it in one run of two).
create index document_shared_client_updated_idx on document (client_id, updated_at desc) where shared_with_client;
