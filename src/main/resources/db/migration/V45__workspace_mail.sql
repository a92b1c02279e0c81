-- Workspace e-mail (issue 13): each client and each project has one active address at a time; a rotated address
-- stays here (retired) so that mail to it is recognised, bounced with the new one, and listed as unmatched.
create table mail_address (
    token       varchar(80) primary key,
    client_id   uuid not null references client (id),
    project_id  uuid references client_project (id),
    created_at  timestamp with time zone not null,
    retired_at  timestamp with time zone,
    replaced_by varchar(80) references mail_address (token)
);
create unique index mail_address_client_uq on mail_address (client_id) where project_id is null and retired_at is null;
create unique index mail_address_project_uq on mail_address (project_id) where project_id is not null and retired_at is null;

create table mail_thread (
    id           uuid primary key,
    client_id    uuid         not null references client (id),
    project_id   uuid references client_project (id),
    subject      varchar(998) not null,
    subject_key  varchar(998) not null,
    state        varchar(8)   not null check (state in ('OPEN', 'DONE')),
    assignee     varchar(254),
    request_id   uuid,
    created_at   timestamp with time zone not null,
    last_at      timestamp with time zone not null
);
create index mail_thread_client_idx on mail_thread (client_id, project_id, last_at desc);

-- One row per message, in or out. (mailbox, message_id) is the ingest's idempotency key: a message read twice, by a
-- restarted node or by two nodes, is stored once. thread_id is null while a message is unmatched.
create table mail_message (
    id           uuid primary key,
    thread_id    uuid references mail_thread (id),
    mailbox      varchar(400)  not null,
    message_id   varchar(998)  not null,
    in_reply_to  varchar(998),
    refs         text,
    direction    varchar(3)    not null check (direction in ('IN', 'OUT')),
    from_address varchar(320),
    from_name    varchar(400),
    to_addresses text,
    cc_addresses text,
    recipient    varchar(320),
    subject      varchar(998),
    body_text    text,
    body_html    text,
    marker       varchar(10) check (marker in ('AUTO', 'OVERSIZE', 'MALFORMED')),
    headers      text,
    note         text,
    raw          bytea,
    author       varchar(254),
    send_state   varchar(8) check (send_state in ('PENDING', 'SENT', 'FAILED')),
    send_error   varchar(2000),
    unmatched    boolean       not null default false,
    received_at  timestamp with time zone not null,
    unique (mailbox, message_id)
);
create index mail_message_thread_idx on mail_message (thread_id, received_at);
create index mail_message_msgid_idx on mail_message (message_id);
create index mail_message_unmatched_idx on mail_message (received_at desc) where unmatched;

create table mail_attachment (
    message_id uuid         not null references mail_message (id),
    file_id    uuid         not null,
    name       varchar(255) not null,
    primary key (message_id, file_id)
);
