-- Taking back what was sent, and proposals as PDF (issue 17).

-- A sent proposal can be withdrawn with a reason; a revision is a new proposal (new number, new process) that
-- supersedes the withdrawn one, so the portal shows the latest and the withdrawn one stays as the record.
alter table proposal drop constraint proposal_status_check;
alter table proposal add constraint proposal_status_check
    check (status in ('DRAFT', 'AWAITING_APPROVAL', 'SENT', 'ACCEPTED', 'DECLINED', 'EXPIRED', 'WITHDRAWN'));
alter table proposal add column withdrawn_at timestamp with time zone;
alter table proposal add column withdrawn_by varchar(100);
alter table proposal add column withdraw_reason varchar(2000);
alter table proposal add column revision_of uuid references proposal (id);
alter table proposal add column superseded_by uuid references proposal (id);
alter table proposal add constraint proposal_withdrawn_has_reason
    check (status <> 'WITHDRAWN' or (withdrawn_at is not null and withdrawn_by is not null and withdraw_reason is not null));
-- one revision per proposal: two colleagues revising at once cannot both start one
create unique index proposal_revision_of_idx on proposal (revision_of) where revision_of is not null;
-- the SHA-256 of the PDF the accepting contact could download (in their language), part of the acceptance's evidence
alter table proposal add column accepted_pdf_sha256 varchar(64);

-- The proposal as PDF, rendered once per language when first needed after sending and then kept as it is: what the
-- customer downloads is byte for byte what the evidence's hash names.
create table proposal_pdf (
    proposal_id uuid        not null references proposal (id),
    language    varchar(8)  not null,
    object_key  varchar(300) not null,
    sha256      varchar(64) not null,
    size_bytes  bigint      not null,
    created_at  timestamp with time zone not null,
    primary key (proposal_id, language)
);

-- A pending acceptance can be withdrawn by the team, with a reason.
alter table document_acceptance drop constraint document_acceptance_status_check;
alter table document_acceptance add constraint document_acceptance_status_check
    check (status in ('PENDING', 'ACCEPTED', 'EXPIRED', 'WITHDRAWN'));
alter table document_acceptance add column withdrawn_at timestamptz;
alter table document_acceptance add column withdrawn_by varchar(100);
alter table document_acceptance add column withdraw_reason varchar(2000);
alter table document_acceptance add constraint document_acceptance_withdrawn_has_reason
    check (status <> 'WITHDRAWN' or (withdrawn_at is not null and withdrawn_by is not null and withdraw_reason is not null));

-- Whether the contact's identity in the customers realm was created for their invitation (and may be deleted when
-- the invitation is cancelled) or existed before (and is only disabled and unbound).
alter table portal_account add column identity_created boolean not null default false;
