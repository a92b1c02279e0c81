-- Issue 17: a contact person can be erased on their request. The row stays (deals, documents and timeline hang off
-- it) with its personal fields blanked; erased_at says it happened and keeps the form from offering edits again.
alter table client
    add column erased_at timestamp with time zone,
    add column erased_by varchar(100),
    add constraint client_erased_by check ((erased_at is null) = (erased_by is null)),
    add constraint client_erased_is_contact check (erased_at is null or kind = 'CONTACT');
