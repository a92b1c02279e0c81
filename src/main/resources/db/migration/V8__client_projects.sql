-- Client projects: one line of work for a client, with its own work group
create table client_project (
    id          uuid primary key,
    client_id   uuid          not null references client (id),
    name        varchar(200)  not null,
    description varchar(4000),
    status      varchar(16)   not null check (status in ('PLANNED', 'ACTIVE', 'ON_HOLD', 'COMPLETED', 'CANCELLED')),
    start_date  date,
    end_date    date,
    owner       varchar(100)  not null,
    created_by  varchar(100)  not null,
    created_at  timestamp with time zone not null,
    updated_at  timestamp with time zone not null,
    version     bigint        not null default 0,
    check (start_date is null or end_date is null or end_date >= start_date)
);
create index client_project_client_idx on client_project (client_id, lower(name));
create index client_project_owner_idx on client_project (owner);

-- The work group: staff who may open the project (besides admins, managers, the client's and the project's owner)
create table project_member (
    project_id uuid         not null references client_project (id) on delete cascade,
    username   varchar(100) not null,
    added_by   varchar(100) not null,
    added_at   timestamp with time zone not null,
    primary key (project_id, username)
);
create index project_member_username_idx on project_member (username);

-- Tasks, files and documents may belong to a project of their client
alter table work_task add column project_id uuid references client_project (id);
create index work_task_project_open_idx on work_task (project_id) where completed_at is null and project_id is not null;
alter table stored_file add column project_id uuid references client_project (id);
create index stored_file_project_idx on stored_file (project_id) where deleted_at is null and project_id is not null;
alter table document add constraint document_project_fk foreign key (project_id) references client_project (id);
create index document_project_idx on document (project_id, type, status) where project_id is not null;
create index timeline_entry_project_idx on timeline_entry (project_id, occurred_at desc, id) where project_id is not null;

-- A request for access names the project when it is about one
alter table access_request add column project_id uuid references client_project (id);
alter table access_request drop constraint access_request_pkey;
create unique index access_request_once_idx on access_request (client_id, requester, coalesce(project_id, '00000000-0000-0000-0000-000000000000'::uuid));
