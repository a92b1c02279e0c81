-- Portal contacts: roles that mean something, a per-contact policy, and removal that keeps the evidence
-- (docs/decisions/DD035-portal-contact-roles-and-policy.md).
--
-- REVIEWER is gone. Reviewers could accept and decline until now (every contact could), and a client whose only
-- contacts were reviewers would otherwise be left with nobody able to answer a proposal already sent; so they become
-- APPROVER, the role that keeps that right. What they were is kept in role_before_v65, to be narrowed by a manager.
alter table portal_account add column role_before_v65 varchar(16);
update portal_account set role_before_v65 = role where role = 'REVIEWER';
alter table portal_account drop constraint if exists portal_account_role_check;
alter table portal_account alter column role type varchar(32);
update portal_account set role = 'APPROVER' where role = 'REVIEWER';
alter table portal_account add constraint portal_account_role_check
    check (role in ('DECISION_MAKER', 'APPROVER', 'BILLING', 'COMMUNICATION_OWNER', 'OTHER'));

-- The policy narrows what the role allows. Null means "every section" / "every shared project";
-- otherwise a comma-separated list of section names / project ids (possibly empty: none).
alter table portal_account
    add column policy_sections varchar(200),
    add column policy_projects text,
    -- a removed contact is revoked and gone from the list; the row stays, as acceptances, downloads and the
    -- timeline name it as evidence
    add column removed_at timestamp with time zone,
    add column removed_by varchar(100);
