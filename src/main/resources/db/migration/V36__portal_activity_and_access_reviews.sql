-- What a portal contact did, as evidence for the access review: each sign-in, and their answers to proposals and
-- acceptances (reported by those modules as CustomerActed events). Downloads stay in portal_download.
create table portal_activity (
    id            uuid primary key,
    account_id    uuid         not null references portal_account (id),
    client_id     uuid         not null references client (id),
    kind          varchar(32)  not null
        check (kind in ('SIGN_IN', 'PROPOSAL_ACCEPTED', 'PROPOSAL_DECLINED', 'DOCUMENT_ACCEPTED')),
    subject_id    uuid,
    subject_title varchar(300),
    happened_at   timestamp with time zone not null
);
create index portal_activity_account_idx on portal_activity (account_id, happened_at desc);
create index portal_download_account_idx on portal_download (account_id, downloaded_at desc);

-- What happened before this table existed: the last sign-in each contact made, and their recorded answers
insert into portal_activity (id, account_id, client_id, kind, subject_id, subject_title, happened_at)
select gen_random_uuid(), a.id, a.client_id, 'SIGN_IN', null, null, a.last_sign_in_at
from portal_account a where a.last_sign_in_at is not null;
insert into portal_activity (id, account_id, client_id, kind, subject_id, subject_title, happened_at)
select gen_random_uuid(), p.decided_by_account, p.client_id,
       case p.status when 'ACCEPTED' then 'PROPOSAL_ACCEPTED' else 'PROPOSAL_DECLINED' end,
       p.id, p.number || ' ' || p.title, p.decided_at
from proposal p
where p.decided_by_account is not null and p.decided_at is not null and p.status in ('ACCEPTED', 'DECLINED');
insert into portal_activity (id, account_id, client_id, kind, subject_id, subject_title, happened_at)
select gen_random_uuid(), d.accepted_account_id, d.client_id, 'DOCUMENT_ACCEPTED', d.document_id, d.document_title,
       d.accepted_at
from document_acceptance d
where d.accepted_account_id is not null and d.accepted_at is not null and d.status = 'ACCEPTED';

-- Access recertification (processes/access-review.bpmn, DD020): every review period the client's owner decides, for
-- each active portal contact, whether to keep or revoke their access. A review that is not answered in time goes to
-- a manager. The rows are the record of what was asked and decided.
create table access_review (
    id                  uuid primary key,
    client_id           uuid         not null references client (id),
    reviewer            varchar(100) not null,
    opened_at           timestamp with time zone not null,
    escalated_to        varchar(100),
    escalated_at        timestamp with time zone,
    status              varchar(16)  not null check (status in ('OPEN', 'DONE', 'CANCELLED')),
    answered_by         varchar(100),
    answered_at         timestamp with time zone,
    version             bigint       not null default 0,
    constraint access_review_done_is_answered check (status <> 'DONE'
        or (answered_by is not null and answered_at is not null))
);
-- a client has at most one review waiting for an answer; archiving the client cancels it
create unique index access_review_open_idx on access_review (client_id) where status = 'OPEN';

create table access_review_item (
    id              uuid primary key,
    review_id       uuid         not null references access_review (id),
    account_id      uuid         not null references portal_account (id),
    display_name    varchar(200) not null,
    email           varchar(254) not null,
    last_sign_in_at timestamp with time zone,
    decision        varchar(8)   check (decision in ('KEEP', 'REVOKE')),
    -- KEPT, REVOKED by this review, or ALREADY_REVOKED: someone revoked the access before the answer came (stale)
    outcome         varchar(16)  check (outcome in ('KEPT', 'REVOKED', 'ALREADY_REVOKED')),
    unique (review_id, account_id)
);
create index access_review_item_review_idx on access_review_item (review_id);
