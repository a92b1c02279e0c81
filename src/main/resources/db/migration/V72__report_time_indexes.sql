-- Issue 16: the reports' month figures and the lists behind their bars filter the whole firm (a manager's view) on
-- when something happened. Without these, each of them read the whole table; the lists now ask for a month as a range
-- on the column (ReportService#inMonth), which these serve. ReportsAtScaleGuardTests fails on any such scan.
create index deal_closed_at_idx on deal (closed_at) where closed_at is not null;
create index time_entry_work_date_idx on time_entry (work_date);
create index proposal_sent_at_idx on proposal (sent_at) where sent_at is not null;
create index proposal_submitted_at_idx on proposal (submitted_at) where submitted_at is not null;
create index proposal_decided_at_idx on proposal (decided_at) where decided_at is not null;
create index proposal_expired_at_idx on proposal (expired_at) where expired_at is not null;
create index document_acceptance_sent_at_idx on document_acceptance (sent_at);
create index document_acceptance_accepted_at_idx on document_acceptance (accepted_at) where accepted_at is not null;
create index document_acceptance_expired_at_idx on document_acceptance (expired_at) where expired_at is not null;
-- the acceptances due within 48 hours: only pending ones have a deadline that still matters
create index document_acceptance_pending_expiry_idx on document_acceptance (expires_at) where status = 'PENDING';
