-- Clients: companies and contacts. A contact may belong to a company.
create table client (
    id                  uuid primary key,
    kind                varchar(16)  not null check (kind in ('COMPANY', 'CONTACT')),
    name                varchar(200) not null,
    legal_name          varchar(200),
    registration_number varchar(64),
    vat_id              varchar(64),
    industry            varchar(100),
    website             varchar(255),
    job_title           varchar(100),
    company_id          uuid references client (id) on delete set null,
    owner               varchar(100) not null,
    email               varchar(254),
    phone               varchar(50),
    street              varchar(200),
    postal_code         varchar(20),
    city                varchar(100),
    country             varchar(100),
    notes               text,
    created_at          timestamp with time zone not null,
    updated_at          timestamp with time zone not null,
    version             bigint       not null default 0,
    check (kind = 'CONTACT' or company_id is null)
);
create index client_name_idx on client (lower(name));
create index client_email_idx on client (lower(email));
create index client_owner_idx on client (owner);
create index client_company_idx on client (company_id);

create table client_tag (
    client_id uuid         not null references client (id) on delete cascade,
    tag       varchar(50)  not null,
    primary key (client_id, tag)
);
create index client_tag_tag_idx on client_tag (lower(tag));

-- Deals; the stage mirrors the deal-stages process (the engine is the source, this row is for lists and counters)
create table deal (
    id                  uuid primary key,
    client_id           uuid           not null references client (id),
    title               varchar(200)   not null,
    amount              numeric(14, 2) not null check (amount >= 0),
    currency            varchar(3)     not null,
    expected_close      date           not null,
    owner               varchar(100)   not null,
    stage               varchar(20)    not null,
    next_step           varchar(300),
    next_step_due       date,
    lost_reason         varchar(1000),
    process_instance_id varchar(64),
    created_at          timestamp with time zone not null,
    updated_at          timestamp with time zone not null,
    stage_changed_at    timestamp with time zone not null,
    closed_at           timestamp with time zone,
    version             bigint         not null default 0
);
create index deal_client_idx on deal (client_id, created_at desc);
create index deal_owner_open_idx on deal (owner) where closed_at is null;

-- Human tasks on a client, ad hoc or from a process; lists and counters read this table, not the engine
create table work_task (
    id              uuid primary key,
    client_id       uuid         not null references client (id),
    title           varchar(300) not null,
    assignee        varchar(100),
    due_date        date,
    source          varchar(16)  not null check (source in ('PROCESS', 'AD_HOC')),
    engine_task_id  varchar(64) unique,
    process_step    varchar(64),
    deal_id         uuid references deal (id),
    created_at      timestamp with time zone not null,
    completed_at    timestamp with time zone
);
create index work_task_client_open_idx on work_task (client_id) where completed_at is null;
create index work_task_assignee_open_idx on work_task (assignee) where completed_at is null;

-- Files on a client; the bytes live in object storage under object_key
create table stored_file (
    id           uuid primary key,
    client_id    uuid         not null references client (id),
    name         varchar(255) not null,
    content_type varchar(100) not null,
    size_bytes   bigint       not null,
    object_key   varchar(300) not null unique,
    uploaded_by  varchar(100) not null,
    uploaded_at  timestamp with time zone not null,
    deleted_at   timestamp with time zone
);
create index stored_file_client_idx on stored_file (client_id) where deleted_at is null;

-- Contracts, invoices, acts
create table document (
    id         uuid primary key,
    client_id  uuid         not null references client (id),
    title      varchar(200) not null,
    type       varchar(16)  not null check (type in ('CONTRACT', 'INVOICE', 'ACT', 'OTHER')),
    status     varchar(16)  not null check (status in ('DRAFT', 'PENDING', 'READY')),
    created_by varchar(100) not null,
    created_at timestamp with time zone not null,
    updated_at timestamp with time zone not null
);
create index document_client_idx on document (client_id);

-- Customer identities (in the customers realm) that may act for a client in the portal
create table portal_account (
    id               uuid primary key,
    client_id        uuid         not null references client (id),
    keycloak_user_id varchar(64),
    username         varchar(100) not null unique,
    email            varchar(254) not null,
    display_name     varchar(200) not null,
    status           varchar(16)  not null check (status in ('INVITED', 'ACTIVE', 'REVOKED')),
    granted_by       varchar(100) not null,
    granted_at       timestamp with time zone not null
);
create index portal_account_client_idx on portal_account (client_id) where status <> 'REVOKED';

-- Spring Modulith's event publication registry: no event between modules is lost on a crash
create table event_publication (
    id               uuid primary key,
    listener_id      text not null,
    event_type       text not null,
    serialized_event text not null,
    publication_date timestamp with time zone not null,
    completion_date  timestamp with time zone
);
create index event_publication_serialized_event_hash_idx on event_publication using hash (serialized_event);
create index event_publication_by_completion_date_idx on event_publication (completion_date);
