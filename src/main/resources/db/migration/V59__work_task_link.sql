-- Where a process step of another module is worked on (DD031): "My tasks" opens it there. For a client request's
-- work step, the request's page in the staff app. Null for tasks that are done in "My tasks" itself.
alter table work_task add column link varchar(300);
