-- The project's own checklist (issue 20 §2, DD032): acceptances still waiting for the customer, counted per project.
create index document_acceptance_project_pending_idx on document_acceptance (project_id)
    where project_id is not null and status = 'PENDING';
