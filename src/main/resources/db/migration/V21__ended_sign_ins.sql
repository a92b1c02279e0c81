-- Sign-ins that Keycloak ended through its back-channel logout call. Keycloak calls one app node; the others read
-- this table on their next session sweep (io.clientspace.security.EndedSignIns). Rows older than the session
-- lifetime are deleted: no open session can still belong to them.
create table ended_sign_in (
    id         bigserial   primary key,
    issuer     text        not null,
    subject    text,
    session_id text,
    ended_at   timestamptz not null,
    constraint ended_sign_in_names_a_sign_in check (subject is not null or session_id is not null)
);
create index ended_sign_in_ended_at on ended_sign_in (ended_at);
