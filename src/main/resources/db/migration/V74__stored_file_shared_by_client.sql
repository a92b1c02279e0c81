-- The portal's file list of a client (shared, not deleted, newest first): one partial index that holds exactly those
-- rows in that order, so the planner serves the portal's page from it however the other files of a busy client grow
-- (the workspace guard found a sequential scan once the table's statistics leaned towards it).
create index stored_file_shared_client_uploaded_idx on stored_file (client_id, uploaded_at desc)
    where shared_with_client and deleted_at is null;
