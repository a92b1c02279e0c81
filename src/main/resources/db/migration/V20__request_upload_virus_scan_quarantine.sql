-- Antivirus for the customer's uploads to information requests (issue 18, DD010): while clamd cannot be reached, the
-- uploaded file is kept on the item but waits in quarantine (PENDING). It cannot be downloaded, and the customer can
-- submit it only once a scan has released it (CLEAN); a file found infected then is removed from the item.
alter table info_request_item add column scan_status varchar(16) not null default 'CLEAN'
    check (scan_status in ('CLEAN', 'PENDING'));
create index info_request_item_scan_pending_idx on info_request_item (answered_at) where scan_status = 'PENDING';
