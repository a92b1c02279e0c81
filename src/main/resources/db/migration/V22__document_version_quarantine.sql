-- A document version uploaded while clamd was unreachable waits here until a clean scan releases it (DD010):
-- it cannot be downloaded, marked final, shared or sent for acceptance meanwhile.
alter table document_version add column quarantined_at timestamptz;
alter table document_version add column scan_attempted_at timestamptz;
create index document_version_quarantined on document_version (quarantined_at) where quarantined_at is not null;
