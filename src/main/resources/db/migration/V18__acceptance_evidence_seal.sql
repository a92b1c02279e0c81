-- Evidence that holds up (issue 18, docs/decisions/DD010-evidence-and-uploads.md).
-- Each accepted row carries an HMAC-SHA256 over its evidence, keyed from configuration (EVIDENCE_HMAC_KEY), so that a
-- changed field shows when the exported JSON or the row is verified. Rows accepted before this have none.
alter table document_acceptance add column evidence_hmac varchar(64);

-- Append-only: once accepted, the evidence and what it is about can no longer change or be deleted, whoever runs
-- the statement. Only bookkeeping columns (the optimistic lock's version, the reminder) may still move.
create function document_acceptance_evidence_is_final() returns trigger
    language plpgsql as
$$
begin
    if old.status = 'ACCEPTED' then
        if tg_op = 'DELETE' then
            raise exception 'accepted acceptance % is evidence and cannot be deleted', old.id
                using errcode = 'integrity_constraint_violation';
        end if;
        if (new.id, new.client_id, new.project_id, new.document_id, new.version_id, new.document_title,
            new.version_number, new.file_name, new.content_type, new.version_sha256, new.status, new.sent_by,
            new.sent_at, new.expires_at, new.resent_from, new.accepted_at, new.accepted_name,
            new.accepted_account_id, new.accepted_username, new.accepted_email, new.accepted_ip,
            new.accepted_user_agent, new.evidence_hmac)
           is distinct from
           (old.id, old.client_id, old.project_id, old.document_id, old.version_id, old.document_title,
            old.version_number, old.file_name, old.content_type, old.version_sha256, old.status, old.sent_by,
            old.sent_at, old.expires_at, old.resent_from, old.accepted_at, old.accepted_name,
            old.accepted_account_id, old.accepted_username, old.accepted_email, old.accepted_ip,
            old.accepted_user_agent, old.evidence_hmac) then
            raise exception 'the evidence of accepted acceptance % cannot be changed', old.id
                using errcode = 'integrity_constraint_violation';
        end if;
    end if;
    return case when tg_op = 'DELETE' then old else new end;
end;
$$;

create trigger document_acceptance_evidence_is_final
    before update or delete on document_acceptance
    for each row execute function document_acceptance_evidence_is_final();
