-- What admins did to colleagues' accounts (issue 15 part 2): invited, roles changed, deactivated with a handover.
create table colleague_audit (
    id          bigserial primary key,
    at          timestamptz  not null,
    actor       varchar(100) not null,
    colleague   varchar(100) not null,
    action      varchar(30)  not null check (action in ('INVITED', 'ROLES_CHANGED', 'DEACTIVATED')),
    detail      varchar(2000)
);
create index colleague_audit_at on colleague_audit (at desc);
