-- Issue 11: a conversation no centre may take yet (routing's centre is null) is kept, visible to nobody, so that the
-- decision that later gives it a centre (a decision without a message) finds it. It used to be dead-lettered, and
-- the conversation never reached any agent (found by make chaos).
alter table conversation alter column centre drop not null;
