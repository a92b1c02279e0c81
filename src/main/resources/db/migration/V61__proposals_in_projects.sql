-- Proposals inside projects (issue 20 §2, DD032): a proposal may belong to one project of its own client, as a deal
-- may since V56. Existing proposals stay on the client as a whole (no project).
alter table proposal add column project_id uuid references client_project (id);
create index proposal_project_idx on proposal (project_id, created_at desc) where project_id is not null;
