-- Proposals: what we offer a client, approved inside when the rules say so, sent to the portal, accepted or declined there.

-- One row per year; the row lock makes numbers gapless and unique under concurrent creation (P-2026-0042)
create table proposal_number (
    year       integer primary key,
    last_value integer not null
);

create table proposal (
    id                  uuid primary key,
    client_id           uuid          not null references client (id),
    deal_id             uuid references deal (id),
    number              varchar(16)   not null unique,
    title               varchar(200)  not null,
    fee_model           varchar(16)   not null check (fee_model in ('FIXED_FEE', 'HOURLY_RATE', 'RETAINER', 'MILESTONE')),
    currency            varchar(3)    not null,
    fixed_amount        numeric(14, 2),
    hourly_rate         numeric(14, 2),
    estimated_hours     numeric(8, 2),
    monthly_amount      numeric(14, 2),
    term_months         integer,
    discount_percent    numeric(5, 2) not null default 0,
    -- the fee the customer sees: the fee model's total after the discount
    fee_amount          numeric(14, 2) not null,
    scope               text          not null,
    valid_until         date          not null,
    status              varchar(20)   not null
        check (status in ('DRAFT', 'AWAITING_APPROVAL', 'SENT', 'ACCEPTED', 'DECLINED', 'EXPIRED')),
    owner               varchar(100)  not null,
    created_by          varchar(100)  not null,
    created_at          timestamp with time zone not null,
    updated_at          timestamp with time zone not null,
    -- internal: the rules' verdict and the approver's answer; never shown to the customer
    approval_reason     varchar(100),
    approved_by         varchar(100),
    approved_at         timestamp with time zone,
    returned_by         varchar(100),
    returned_at         timestamp with time zone,
    return_comment      varchar(2000),
    submitted_at        timestamp with time zone,
    sent_at             timestamp with time zone,
    -- the customer's answer, with its evidence
    decided_at          timestamp with time zone,
    decided_by_account  uuid references portal_account (id),
    decided_by_name     varchar(200),
    decided_from_ip     varchar(64),
    decline_reason      varchar(2000),
    expired_at          timestamp with time zone,
    process_instance_id varchar(64),
    version             bigint        not null default 0
);
create index proposal_client_idx on proposal (client_id, created_at desc);
create index proposal_client_sent_idx on proposal (client_id, sent_at desc) where sent_at is not null;
create index proposal_deal_idx on proposal (deal_id) where deal_id is not null;

create table proposal_milestone (
    proposal_id uuid           not null references proposal (id) on delete cascade,
    position    integer        not null,
    title       varchar(200)   not null,
    amount      numeric(14, 2) not null,
    primary key (proposal_id, position)
);

-- Files of the client that go with the proposal; attaching one shares it with whoever may read the proposal
create table proposal_attachment (
    proposal_id uuid not null references proposal (id) on delete cascade,
    file_id     uuid not null references stored_file (id),
    primary key (proposal_id, file_id)
);
