-- The live counters' "this client changed" NOTIFY (channel clientspace_client_changed, payload the client's id, see
-- io.clientspace.shared.live.ClientChanges) goes out with the inserts that record a change anyway: a new timeline
-- entry, a new row in our task table. The app no longer sends a separate pg_notify for the events behind them
-- (docs/decisions/DD023-notify-from-triggers.md). PostgreSQL delivers a NOTIFY only when the transaction commits,
-- drops it on rollback, and folds identical notices of one transaction into one, so a statement-level trigger over
-- the new rows sends one notice per client however many rows a COPY or a batch inserts.
create function clientspace_notify_client_changed() returns trigger language plpgsql as $$
begin
    perform pg_notify('clientspace_client_changed', c.client_id::text)
    from (select distinct client_id from new_rows where client_id is not null) c;
    return null;
end;
$$;

create trigger timeline_entry_client_changed
    after insert on timeline_entry referencing new table as new_rows
    for each statement execute function clientspace_notify_client_changed();

create trigger work_task_client_changed
    after insert on work_task referencing new table as new_rows
    for each statement execute function clientspace_notify_client_changed();
