-- The language a portal contact is written to in; set from the inviting colleague's, changed in the portal
alter table portal_account add column locale varchar(8) not null default 'en';
