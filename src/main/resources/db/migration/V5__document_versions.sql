-- Every upload of a document is a version with its SHA-256; one version can be marked final
create table document_version (
    id           uuid primary key,
    document_id  uuid         not null references document (id),
    number       integer      not null,
    file_name    varchar(255) not null,
    content_type varchar(100) not null,
    size_bytes   bigint       not null,
    object_key   varchar(300) not null unique,
    sha256       varchar(64)  not null,
    note         varchar(500),
    uploaded_by  varchar(100) not null,
    uploaded_at  timestamp with time zone not null,
    unique (document_id, number)
);
alter table document
    add column final_version_id uuid references document_version (id),
    add column updated_by       varchar(100),
    -- projects arrive with the client projects work; the link is kept from the start
    add column project_id       uuid,
    add column version          bigint not null default 0;
-- a document marked ready has a final version
alter table document add constraint document_ready_has_final check (status <> 'READY' or final_version_id is not null);
-- counters (ready, pending) and the key-documents indicator read this index
create index document_client_type_status_idx on document (client_id, type, status);
