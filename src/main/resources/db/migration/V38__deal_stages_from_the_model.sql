-- The open stages come from the deployed deal-stages model (DD015): a deal stores its stage's user task id, so a
-- stage a process owner adds needs no code and no migration. Won and Lost keep their names.
alter table deal alter column stage type varchar(100);
alter table deal alter column lost_from type varchar(100);

update deal set stage = case stage
    when 'NEW' then 'StageNew' when 'QUALIFIED' then 'StageQualified'
    when 'PROPOSAL' then 'StageProposal' when 'NEGOTIATION' then 'StageNegotiation' else stage end;
update deal set lost_from = case lost_from
    when 'NEW' then 'StageNew' when 'QUALIFIED' then 'StageQualified'
    when 'PROPOSAL' then 'StageProposal' when 'NEGOTIATION' then 'StageNegotiation' else lost_from end
    where lost_from is not null;

-- the timeline names the stage by the same code ("StageQualified" or "StageQualified|reason")
update timeline_entry
   set detail = regexp_replace(detail, '^(NEW|QUALIFIED|PROPOSAL|NEGOTIATION)(\||$)',
       'Stage' || initcap(substring(detail from '^(NEW|QUALIFIED|PROPOSAL|NEGOTIATION)')) || '\2')
 where kind in ('DEAL_STAGE', 'DEAL_MOVED_BACK', 'DEAL_REOPENED', 'DEAL_STALLED')
   and detail ~ '^(NEW|QUALIFIED|PROPOSAL|NEGOTIATION)(\||$)';
