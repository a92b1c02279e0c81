-- Modules a firm switches on (issue 15 part 4, DD034): named plans, the firm's plan, and per-module overrides.
create table firm_plan (
    code                varchar(20) primary key,
    position            int         not null,
    max_portal_contacts int check (max_portal_contacts is null or max_portal_contacts >= 0)
);

create table firm_plan_module (
    plan_code varchar(20) not null references firm_plan (code),
    module    varchar(30) not null,
    primary key (plan_code, module)
);

-- one row: the firm's plan
create table firm_settings (
    id         smallint primary key check (id = 1),
    plan_code  varchar(20)  not null references firm_plan (code),
    changed_by varchar(100),
    changed_at timestamptz
);

-- an override says on or off regardless of the plan; no row means "as the plan says"
create table firm_module_override (
    module     varchar(30)  primary key,
    enabled    boolean      not null,
    changed_by varchar(100) not null,
    changed_at timestamptz  not null
);

insert into firm_plan (code, position, max_portal_contacts) values
    ('SOLO', 10, 5), ('TEAM', 20, 50), ('FIRM', 30, null);

insert into firm_plan_module (plan_code, module) values
    ('SOLO', 'PROPOSALS'), ('SOLO', 'ACCEPTANCES'), ('SOLO', 'INFORMATION_REQUESTS'), ('SOLO', 'PORTAL'),
    ('TEAM', 'PROPOSALS'), ('TEAM', 'ACCEPTANCES'), ('TEAM', 'INFORMATION_REQUESTS'), ('TEAM', 'PORTAL'),
    ('TEAM', 'CLIENT_REQUESTS'), ('TEAM', 'CHAT'), ('TEAM', 'WORKSPACE_MAIL'),
    ('FIRM', 'PROPOSALS'), ('FIRM', 'ACCEPTANCES'), ('FIRM', 'INFORMATION_REQUESTS'), ('FIRM', 'PORTAL'),
    ('FIRM', 'CLIENT_REQUESTS'), ('FIRM', 'CHAT'), ('FIRM', 'WORKSPACE_MAIL'), ('FIRM', 'REPORTS');

-- existing firms keep everything they have today
insert into firm_settings (id, plan_code) values (1, 'FIRM');
