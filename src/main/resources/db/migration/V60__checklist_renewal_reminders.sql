-- Renewal reminders (issue 20 §1, DD033): one row per required document whose provided version turned expiring, and
-- one when it expired. The primary key is what makes each reminder go out once, whichever node's job gets there
-- first: the requirement, the document that provides it, the date it must be renewed by and the state. A new final
-- version moves the date, so the next renewal reminds again.
create table checklist_renewal_reminder (
    requirement_id uuid        not null references document_requirement (id) on delete cascade,
    document_id    uuid        not null,
    renew_by       timestamp with time zone not null,
    client_id      uuid        not null references client (id),
    project_id     uuid references client_project (id),
    state          varchar(8)  not null check (state in ('EXPIRING', 'EXPIRED')),
    owner          varchar(100),
    task_id        uuid,
    sent_at        timestamp with time zone not null,
    primary key (requirement_id, document_id, renew_by, state)
);
create index checklist_renewal_reminder_client_idx on checklist_renewal_reminder (client_id);
