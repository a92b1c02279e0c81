-- Formal acceptance of one document version by the customer, run by processes/document-acceptance.bpmn.
-- The row is the record of what was sent and, once accepted, the evidence: who typed which name when, from which
-- address, for which bytes (the version's SHA-256 as it stood when the acceptance was sent).
create table document_acceptance (
    id                  uuid primary key,
    client_id           uuid         not null references client (id),
    project_id          uuid         references client_project (id),
    document_id         uuid         not null references document (id),
    version_id          uuid         not null references document_version (id),
    document_title      varchar(200) not null,
    version_number      integer      not null,
    file_name           varchar(255) not null,
    content_type        varchar(150) not null,
    version_sha256      varchar(64)  not null,
    status              varchar(16)  not null check (status in ('PENDING', 'ACCEPTED', 'EXPIRED')),
    sent_by             varchar(100) not null,
    sent_at             timestamptz  not null,
    expires_at          timestamptz  not null,
    reminded_at         timestamptz,
    expired_at          timestamptz,
    resent_from         uuid         references document_acceptance (id),
    accepted_at         timestamptz,
    accepted_name       varchar(200),
    accepted_account_id uuid         references portal_account (id),
    accepted_username   varchar(255),
    accepted_email      varchar(254),
    accepted_ip         varchar(64),
    accepted_user_agent varchar(500),
    version             bigint       not null default 0,
    constraint document_acceptance_expiry_after_sending check (expires_at > sent_at),
    -- an acceptance without its evidence cannot exist
    constraint document_acceptance_evidence check (status <> 'ACCEPTED' or (accepted_at is not null
        and accepted_name is not null and accepted_account_id is not null and accepted_ip is not null)),
    constraint document_acceptance_expired_at check (status <> 'EXPIRED' or expired_at is not null)
);

-- the portal's list and the workspace's list, newest first
create index document_acceptance_client_idx on document_acceptance (client_id, sent_at desc);
create index document_acceptance_document_idx on document_acceptance (document_id, sent_at desc);
