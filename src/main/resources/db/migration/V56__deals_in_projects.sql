-- Deals inside projects (issue 20 §2): a deal may belong to one project of its own client. Existing deals stay on
-- the client as a whole (no project), which is what they were; nothing else changes for them.
alter table deal add column project_id uuid references client_project (id);
create index deal_project_idx on deal (project_id, created_at desc) where project_id is not null;
create index deal_project_open_idx on deal (project_id) where project_id is not null and closed_at is null;
