-- Won and lost both record why; a deal that sits in one stage too long is flagged as stalled
alter table deal rename column lost_reason to close_reason;
alter table deal add column stalled_at timestamp with time zone;
-- the manager's review counts open stalled deals and open deals without a next step per client
create index deal_client_open_attention_idx on deal (client_id) where closed_at is null
    and (stalled_at is not null or next_step is null);
