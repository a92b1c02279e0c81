-- The portal lists a shared project's tasks, finished ones included; the open-task index does not hold those
create index work_task_project_idx on work_task (project_id) where project_id is not null;
