-- Indexes for the reports of every centre (scope '*', centre null): EXPLAIN ANALYZE over 2 million stored mentions
-- showed a parallel sequential scan of conversation_fact for the first responses of one hour (the existing index
-- leads with centre) and a full scan of the (centre, closed_at) index for the closures (docs/performance.md).
create index conversation_fact_first_response on conversation_fact (first_response_at) where first_message_at is not null;
create index conversation_fact_closed_at on conversation_fact (closed_at);
-- The backlog (conversations waiting for a first response) counted from the index alone, grouped in its order.
create index conversation_fact_waiting on conversation_fact (centre, queue, first_message_at)
    where first_response_at is null and state in ('new', 'queued', 'assigned') and centre is not null;
