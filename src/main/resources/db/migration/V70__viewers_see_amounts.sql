-- Issue 15 §1: a firm may keep amounts and the internal chat from colleagues who only view a client (DD034).
-- Existing firms keep what viewers see today.
alter table firm_settings add column viewers_see_amounts boolean not null default true;
