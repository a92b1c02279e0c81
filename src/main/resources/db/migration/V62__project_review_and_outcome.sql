-- The project's own checklist (issue 20 §2, DD032): acceptances still waiting for the customer, counted per project.
create index document_acceptance_project_pending_idx on document_acceptance (project_id)
    where project_id is not null and status = 'PENDING';

-- The project's outcome (DD032): what it must deliver, with a version of its own for the stale-edit check, so that
-- toggling sharing or the work group does not make an open outcome editor stale.
alter table client_project add column outcome varchar(2000);
alter table client_project add column outcome_version bigint not null default 0;
alter table client_project add column outcome_updated_by varchar(100);
alter table client_project add column outcome_updated_at timestamp with time zone;
