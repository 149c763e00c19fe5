-- The outbox's SLA warning (ConversationViewRepository.markSlaWarned, every few seconds) looks for open conversations
-- whose response falls due soon and that were not warned yet. No index served it: in the bench's latency phase of
-- 2026-12-07 13:34 UTC it read the whole table each run (77,000 rows, 6,700 pages; 74 ms on an idle machine, 200 ms
-- under load, 7 runs in 33 s). This partial index holds only the conversations it can still warn, in due order.
create index conversation_sla_unwarned on conversation (sla_due_at)
    where sla_warned_at is null and sla_due_at is not null and state in ('new', 'queued', 'assigned');
