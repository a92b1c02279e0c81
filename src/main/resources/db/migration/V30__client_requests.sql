-- Client requests: the client asks the firm for something; client-request.bpmn runs each one (DD018 for the clock)
create table client_request (
    id                     uuid primary key,
    client_id              uuid           not null references client (id),
    project_id             uuid           references client_project (id),
    number                 varchar(20)    not null unique,
    category               varchar(40)    not null,
    subject                varchar(200)   not null,
    description            varchar(10000),
    needed_by              date,
    state                  varchar(16)    not null
        check (state in ('QUEUED', 'IN_PROGRESS', 'WAITING_CLIENT', 'RESOLVED', 'CLOSED', 'CANCELLED')),
    -- who raised it: a portal account (the customer), or staff on the client's behalf with the contact it came from
    raised_by_account      uuid,
    raised_by_staff        varchar(100),
    raised_by_name         varchar(200)   not null,
    contact_id             uuid           references client (id),
    raised_at              timestamp with time zone not null,
    -- triage's decision and the rule that fired
    priority               varchar(4),
    handling_group         varchar(60),
    triage_rule            varchar(100),
    response_target        varchar(30),
    resolution_target      varchar(30),
    -- the SLA clocks: due dates move on by the time the request waits on the client (paused_since .. now)
    response_due_at        timestamp with time zone,
    resolution_due_at      timestamp with time zone,
    responded_at           timestamp with time zone,
    response_breached_at   timestamp with time zone,
    resolution_breached_at timestamp with time zone,
    paused_since           timestamp with time zone,
    paused_seconds         bigint         not null default 0,
    assignee               varchar(100),
    asked_at               timestamp with time zone,
    resolution_note        varchar(4000),
    resolved_by            varchar(100),
    resolved_at            timestamp with time zone,
    confirm_by             timestamp with time zone,
    closed_at              timestamp with time zone,
    closed_how             varchar(16) check (closed_how in ('CONFIRMED', 'AUTO', 'CANCELLED')),
    version                bigint         not null default 0,
    check (raised_by_account is not null or raised_by_staff is not null)
);
create index client_request_client_idx on client_request (client_id, state);
create index client_request_project_idx on client_request (project_id, state);
create index client_request_open_idx on client_request (state, resolution_due_at)
    where state in ('QUEUED', 'IN_PROGRESS', 'WAITING_CLIENT', 'RESOLVED');

-- What happened on a request, oldest first: the conversation (messages, questions, answers, the resolution) and the
-- changes of state. The client sees the entries marked visible; internal ones (escalations, hand-ons) only staff.
create table client_request_entry (
    id              uuid primary key,
    request_id      uuid          not null references client_request (id) on delete cascade,
    at              timestamp with time zone not null,
    kind            varchar(20)   not null,
    by_customer     boolean       not null,
    actor           varchar(200),
    body            varchar(10000),
    detail          varchar(300),
    visible_to_client boolean     not null
);
create index client_request_entry_idx on client_request_entry (request_id, at);

-- The last number given out per year: CR-2026-0012 is the 12th client request of 2026. An upsert on this row hands
-- out numbers one at a time, however many requests are raised at once.
create table client_request_counter (
    year integer primary key,
    last integer not null
);
