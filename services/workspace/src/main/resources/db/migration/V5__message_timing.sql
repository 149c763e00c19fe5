-- When ingestion accepted a customer message and when the workspace stored it: the end-to-end latency of the
-- pipeline, from ingestion's accept to the agent's queue (measured by make bench, docs/performance.md).
alter table message
    add column accepted_at timestamptz,
    add column stored_at   timestamptz;
