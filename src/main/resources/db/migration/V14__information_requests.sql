-- Information requests: a list of questions and files the team needs from the customer, in a shared project
create table info_request (
    id           uuid primary key,
    client_id    uuid         not null references client (id),
    project_id   uuid         not null references client_project (id),
    number       varchar(20)  not null unique,
    title        varchar(200) not null,
    status       varchar(16)  not null
        check (status in ('DRAFT', 'SENT', 'IN_PROGRESS', 'COMPLETED', 'CANCELLED')),
    created_by   varchar(100) not null,
    created_at   timestamp with time zone not null,
    sent_by      varchar(100),
    sent_at      timestamp with time zone,
    closed_at    timestamp with time zone,
    cancelled_by varchar(100),
    version      bigint       not null default 0,
    check (status = 'DRAFT' or status = 'CANCELLED' or sent_at is not null)
);
create index info_request_project_idx on info_request (project_id, created_at desc);
create index info_request_client_idx on info_request (client_id, status);

-- One question to answer or one file to upload. An answer typed or uploaded but not yet submitted stays on an OPEN
-- or RETURNED item; submitting makes it ANSWERED, and the team accepts it or returns it with a comment.
create table info_request_item (
    id              uuid primary key,
    request_id      uuid          not null references info_request (id) on delete cascade,
    position        integer       not null,
    kind            varchar(8)    not null check (kind in ('QUESTION', 'FILE')),
    prompt          varchar(1000) not null,
    due_date        date,
    state           varchar(10)   not null check (state in ('OPEN', 'ANSWERED', 'RETURNED', 'ACCEPTED')),
    answer_text     varchar(4000),
    file_name       varchar(255),
    content_type    varchar(100),
    size_bytes      bigint,
    object_key      varchar(300) unique,
    sha256          varchar(64),
    answered_by     varchar(200),
    answered_at     timestamp with time zone,
    review_comment  varchar(1000),
    reviewed_by     varchar(100),
    reviewed_at     timestamp with time zone,
    unique (request_id, position)
);

-- The last number given out per year: R-2026-0007 is the 7th request of 2026. An upsert on this row hands out
-- numbers one at a time, however many requests are created at once.
create table info_request_counter (
    year integer primary key,
    last integer not null
);
