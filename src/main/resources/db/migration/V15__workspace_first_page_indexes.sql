-- Issue 6: a workspace tab shows the first page of its list; these indexes hand it over in the list's own order, so
-- PostgreSQL reads that page and stops instead of sorting every row of a busy client
create index work_task_client_open_due_idx on work_task (client_id, due_date nulls last, created_at)
    where completed_at is null;
create index work_task_project_open_due_idx on work_task (project_id, due_date nulls last, created_at)
    where completed_at is null and project_id is not null;
create index stored_file_client_uploaded_idx on stored_file (client_id, uploaded_at desc) where deleted_at is null;
create index stored_file_project_uploaded_idx on stored_file (project_id, uploaded_at desc)
    where deleted_at is null and project_id is not null;
create index document_client_updated_idx on document (client_id, updated_at desc);
create index document_project_updated_idx on document (project_id, updated_at desc) where project_id is not null;
