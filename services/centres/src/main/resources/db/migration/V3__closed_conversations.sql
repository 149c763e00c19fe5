-- Closed conversations (conversations.closed): resolution time, sentiment delta, public restatement.
alter table conversation_fact add column closed_at timestamptz;
alter table conversation_fact add column sentiment_delta double precision;
alter table conversation_fact add column restated boolean;
create index conversation_fact_closed on conversation_fact (centre, closed_at);
