-- A deleted file stays restorable for the trash period; who deleted it is shown in the trash
alter table stored_file add column deleted_by varchar(100);
alter table stored_file add column sha256 varchar(64);
create index stored_file_client_trash_idx on stored_file (client_id, deleted_at) where deleted_at is not null;
