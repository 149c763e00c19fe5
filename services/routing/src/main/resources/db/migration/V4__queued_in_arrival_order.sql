-- The clock's round through queued conversations to route again (ADR 0139) reads them in arrival order after where
-- the last tick stopped. When a centre is closed, most of its queue matches (17,000 of the bench's 29,000 queued
-- conversations at its clock time): the bitmap of V3's indexes found all of them and sorted them for 200 (40 ms on an
-- idle machine, 135 ms under load, every tick). Walking the queued conversations in arrival order finds the 200 in
-- 0.4 ms (EXPLAIN ANALYZE on the bench's database, 2026-12-07); the planner keeps the bitmap when few match.
create index conversation_queued on conversation (arrival) where actionable and state = 'queued';
