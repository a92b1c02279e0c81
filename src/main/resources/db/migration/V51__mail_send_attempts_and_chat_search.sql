-- Issue 13, the rest: a send attempt takes the outgoing mail (SENDING, with its time) so that two retries at once send
-- it once, and one interrupted by a crash can be retried after SEND_STALE; chat search by trigram (DD021).
alter table mail_message drop constraint if exists mail_message_send_state_check;
alter table mail_message add constraint mail_message_send_state_check
    check (send_state in ('PENDING', 'SENDING', 'SENT', 'FAILED'));
alter table mail_message add column send_attempt_at timestamp with time zone;

-- pg_trgm is a trusted extension (PostgreSQL 13+): the database owner may create it
create extension if not exists pg_trgm;
create index chat_message_body_trgm on chat_message using gin (lower(body) gin_trgm_ops) where deleted_at is null;
