-- Antivirus (issue 18, docs/decisions/DD010-evidence-and-uploads.md): every upload is scanned by clamd before its row
-- is written. When clamd cannot be reached, a staff file is kept but waits in quarantine (PENDING): lists show it with
-- a "waiting for virus scan" badge, nothing downloads or shares it, and a scheduled job releases it (CLEAN) after a
-- successful scan, or removes it when the scan finds something. Files from before were not scanned; they count as
-- clean, as they did.
alter table stored_file add column scan_status varchar(16) not null default 'CLEAN'
    check (scan_status in ('CLEAN', 'PENDING'));
alter table stored_file add column scan_attempted_at timestamp with time zone;
create index stored_file_scan_pending_idx on stored_file (uploaded_at) where scan_status = 'PENDING';
