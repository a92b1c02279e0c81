-- Colleagues a client's managers let into its workspace (issue 15). The owner and firm-wide admins and managers are
-- managers of a client without a row here.
create table workspace_member (
    client_id  uuid         not null references client (id),
    username   varchar(100) not null,
    level      varchar(20)  not null check (level in ('VIEWER', 'EDITOR', 'MANAGER')),
    -- the last day of access in the firm's time zone; null: no end
    ends_on    date,
    granted_by varchar(100) not null,
    granted_at timestamp with time zone not null,
    version    bigint       not null default 0,
    primary key (client_id, username)
);
-- every access check of a member looks up their grants
create index workspace_member_username_idx on workspace_member (username);
create index workspace_member_ends_on_idx on workspace_member (ends_on) where ends_on is not null;

-- "Ask for access" as a decision someone makes: open until a manager of the client grants or declines it
create table workspace_access_request (
    id           uuid         primary key,
    client_id    uuid         not null references client (id),
    requester    varchar(100) not null,
    requested_at timestamp with time zone not null,
    status       varchar(20)  not null check (status in ('OPEN', 'GRANTED', 'DECLINED')),
    answered_by  varchar(100),
    answered_at  timestamp with time zone,
    level        varchar(20) check (level in ('VIEWER', 'EDITOR', 'MANAGER')),
    message      varchar(500)
);
create unique index workspace_access_request_open_idx on workspace_access_request (client_id, requester)
    where status = 'OPEN';
