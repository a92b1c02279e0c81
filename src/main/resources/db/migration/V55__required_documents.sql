-- Required documents (issue 20 §1, DD028): a firm-wide catalogue of requirements, checklist templates that attach
-- them by client kind or tag, and per-workspace items materialised from the matching templates. An item stores only
-- what cannot be derived: where it came from, a manager's removal, the information request item that asks for it and
-- the document version that provided it. Its state (missing, requested, provided, expiring, expired) is derived.
create table document_requirement (
    id          uuid primary key,
    name        varchar(200) not null,
    type        varchar(16)  not null check (type in ('CONTRACT', 'INVOICE', 'ACT', 'OTHER')),
    renew_every varchar(40),
    provided_by varchar(8)   not null check (provided_by in ('CLIENT', 'FIRM')),
    created_at  timestamp with time zone not null,
    version     bigint       not null default 0
);
create unique index document_requirement_name_idx on document_requirement (lower(name));

create table checklist_template (
    id          uuid primary key,
    name        varchar(200) not null,
    client_kind varchar(16) check (client_kind in ('COMPANY', 'CONTACT')),
    tag         varchar(50),
    created_at  timestamp with time zone not null,
    version     bigint       not null default 0
);
create unique index checklist_template_name_idx on checklist_template (lower(name));

create table checklist_template_requirement (
    template_id    uuid not null references checklist_template (id) on delete cascade,
    requirement_id uuid not null references document_requirement (id) on delete cascade,
    primary key (template_id, requirement_id)
);

create table checklist_item (
    id                   uuid primary key,
    client_id            uuid        not null references client (id),
    project_id           uuid references client_project (id),
    requirement_id       uuid        not null references document_requirement (id) on delete cascade,
    source               varchar(8)  not null check (source in ('TEMPLATE', 'MANUAL')),
    removed_at           timestamp with time zone,
    removed_by           varchar(100),
    request_id           uuid,
    request_item_id      uuid,
    requested_at         timestamp with time zone,
    document_id          uuid,
    document_version_id  uuid,
    provided_at          timestamp with time zone,
    created_at           timestamp with time zone not null
);
-- one item per requirement and workspace; a client's own list has no project
create unique index checklist_item_scope_idx
    on checklist_item (client_id, coalesce(project_id, '00000000-0000-0000-0000-000000000000'::uuid), requirement_id);
create index checklist_item_request_item_idx on checklist_item (request_item_id) where request_item_id is not null;
create index checklist_item_request_idx on checklist_item (request_id) where request_id is not null;

-- The fixed key documents become the default template, for every client, so existing workspaces keep their trio.
insert into document_requirement (id, name, type, renew_every, provided_by, created_at) values
    ('00000000-0000-0000-0028-000000000001', 'Contract', 'CONTRACT', null, 'FIRM', now()),
    ('00000000-0000-0000-0028-000000000002', 'Invoice', 'INVOICE', null, 'FIRM', now()),
    ('00000000-0000-0000-0028-000000000003', 'Act', 'ACT', null, 'FIRM', now());
insert into checklist_template (id, name, client_kind, tag, created_at) values
    ('00000000-0000-0000-0028-000000000010', 'Key documents', null, null, now());
insert into checklist_template_requirement (template_id, requirement_id) values
    ('00000000-0000-0000-0028-000000000010', '00000000-0000-0000-0028-000000000001'),
    ('00000000-0000-0000-0028-000000000010', '00000000-0000-0000-0028-000000000002'),
    ('00000000-0000-0000-0028-000000000010', '00000000-0000-0000-0028-000000000003');
