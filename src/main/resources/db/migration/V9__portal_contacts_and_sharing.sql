-- Portal contacts: the people on the customer's side, from "not invited yet" to active, expired or revoked
alter table portal_account drop constraint portal_account_status_check;
alter table portal_account add constraint portal_account_status_check
    check (status in ('NOT_INVITED', 'INVITED', 'ACTIVE', 'EXPIRED', 'REVOKED'));
alter table portal_account
    add column role                  varchar(16) not null default 'OTHER'
        check (role in ('DECISION_MAKER', 'REVIEWER', 'APPROVER', 'BILLING', 'OTHER')),
    add column invited_at            timestamp with time zone,
    add column invited_by            varchar(100),
    add column invitation_expires_at timestamp with time zone,
    add column last_sign_in_at       timestamp with time zone,
    add column revoked_at            timestamp with time zone,
    add column revoked_by            varchar(100),
    add column version               bigint not null default 0;
-- one e-mail address is one person in the customers realm
create unique index portal_account_email_idx on portal_account (lower(email));

-- What the portal shows is decided per client by the manager; nothing is shared unless switched on
alter table client_project
    add column shared_with_client      boolean not null default false,
    add column tasks_visible_to_client boolean not null default false;
create index client_project_shared_idx on client_project (client_id) where shared_with_client;
alter table stored_file add column shared_with_client boolean not null default false;
create index stored_file_shared_idx on stored_file (project_id) where shared_with_client and deleted_at is null;
alter table document add column shared_with_client boolean not null default false;
create index document_shared_idx on document (client_id, project_id) where shared_with_client;

-- The discussion between the customer and the team on a shared project
create table portal_comment (
    id          uuid primary key,
    project_id  uuid          not null references client_project (id),
    client_id   uuid          not null references client (id),
    author_kind varchar(8)    not null check (author_kind in ('STAFF', 'CUSTOMER')),
    author      varchar(254)  not null,
    author_name varchar(200)  not null,
    body        varchar(2000) not null,
    created_at  timestamp with time zone not null
);
create index portal_comment_project_idx on portal_comment (project_id, created_at);

-- Every portal download: who fetched what, when
create table portal_download (
    id            uuid primary key,
    account_id    uuid         not null references portal_account (id),
    client_id     uuid         not null references client (id),
    subject_kind  varchar(16)  not null check (subject_kind in ('FILE', 'DOCUMENT')),
    subject_id    uuid         not null,
    subject_title varchar(300) not null,
    downloaded_at timestamp with time zone not null
);
create index portal_download_client_idx on portal_download (client_id, downloaded_at desc);
