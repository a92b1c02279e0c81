-- Reports (issue 16): the average days per stage read each deal's stage changes, and the information requests report
-- each request's returned items, from the timeline by their subject. Without this index a member's report (the
-- clients they may open) looked them up through the client index, reading every entry of a busy client once per deal.
create index timeline_entry_subject_idx on timeline_entry (subject_id, kind);
