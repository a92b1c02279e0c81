-- Versions of BPMN and DMN models that process owners deploy from the app (modeling module). Versions deployed from
-- the build's processes/ folder have no row: the engine's deployment (source "process application") says enough.
create table model_deployment (
    id            uuid primary key,
    model_key     varchar(255) not null,
    kind          varchar(8)   not null,
    version       integer      not null,
    deployment_id varchar(64)  not null unique,
    action        varchar(16)  not null,
    deployed_by   varchar(255) not null,
    deployed_at   timestamptz  not null,
    change_note   varchar(2000),
    diff_added    text         not null default '',
    diff_removed  text         not null default '',
    diff_changed  text         not null default ''
);

create index model_deployment_model on model_deployment (model_key, kind);

-- Every deploy, settings change, rollback and migration, for the admins' audit page
create table model_audit (
    id         uuid primary key,
    at         timestamptz  not null,
    actor      varchar(255) not null,
    action     varchar(16)  not null,
    model_key  varchar(255) not null,
    version    integer,
    detail     varchar(4000)
);
create index model_audit_at on model_audit (at desc);
