-- What happened on a client, newest first; written from module events after each change commits
create table timeline_entry (
    id            uuid primary key,
    client_id     uuid         not null references client (id),
    project_id    uuid,
    occurred_at   timestamp with time zone not null,
    actor         varchar(100),
    kind          varchar(40)  not null,
    subject_id    uuid,
    subject_title varchar(300),
    detail        varchar(1000)
);
create index timeline_entry_client_idx on timeline_entry (client_id, occurred_at desc, id);
