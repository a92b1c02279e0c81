-- A lost deal remembers the stage it was lost from: reopening it puts it back there
alter table deal add column lost_from varchar(20);

-- A task can be cancelled with a reason: it then leaves every inbox like a done one, and says why it ended
alter table work_task
    add column cancelled_at  timestamp with time zone,
    add column cancelled_by  varchar(100),
    add column cancel_reason varchar(1000);

-- The Tasks tab's "Done" view: finished tasks of a client or a project, latest first
create index work_task_client_done_idx on work_task (client_id, completed_at desc) where completed_at is not null;
create index work_task_project_done_idx on work_task (project_id, completed_at desc)
    where completed_at is not null and project_id is not null;

-- Booked time can be corrected: a stale edit is refused
alter table time_entry
    add column version    bigint not null default 0,
    add column updated_at timestamp with time zone;
