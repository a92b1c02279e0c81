-- Four eyes on proposals (issue 18): who submitted a proposal and who changed it last are kept, so that the approver
-- can be checked to be neither. Rows from before have neither recorded; the owner stands in for both.
alter table proposal add column submitted_by varchar(100);
alter table proposal add column last_edited_by varchar(100);
update proposal set last_edited_by = coalesce(created_by, owner);
update proposal set submitted_by = owner where submitted_at is not null;
alter table proposal alter column last_edited_by set not null;
