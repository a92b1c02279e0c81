-- Ad-hoc tasks carry what a person needs to do the work; every task can be discussed and have time booked on it.
alter table work_task
    add column description  text,
    add column priority     varchar(8)  not null default 'NORMAL' check (priority in ('LOW', 'NORMAL', 'HIGH', 'URGENT')),
    add column created_by   varchar(100),
    add column completed_by varchar(100),
    add column version      bigint      not null default 0;
alter table work_task add constraint work_task_description_len check (length(description) <= 5000);

-- "My tasks" and "unassigned" read these partial indexes
create index work_task_assignee_due_open_idx on work_task (assignee, due_date) where completed_at is null;
create index work_task_unassigned_open_idx on work_task (client_id, due_date)
    where completed_at is null and assignee is null;

create table task_comment (
    id         uuid primary key,
    task_id    uuid          not null references work_task (id),
    author     varchar(100)  not null,
    body       varchar(2000) not null,
    created_at timestamp with time zone not null
);
create index task_comment_task_idx on task_comment (task_id, created_at);

-- Hours on a task; the portal's project hours and billing read them
create table time_entry (
    id         uuid primary key,
    task_id    uuid         not null references work_task (id),
    client_id  uuid         not null references client (id),
    staff      varchar(100) not null,
    work_date  date         not null,
    minutes    integer      not null check (minutes > 0 and minutes <= 1440),
    billable   boolean      not null,
    note       varchar(500),
    created_at timestamp with time zone not null
);
create index time_entry_task_idx on time_entry (task_id, work_date);
create index time_entry_client_idx on time_entry (client_id, work_date);
