-- The clock's re-routing takes its candidates in rounds (ADR 0139): queued conversations whose hand-off lease lapsed or
-- whose centre cannot take work now, and actionable conversations no centre took yet, each in arrival order from where
-- the last tick stopped. Each query had to find all its candidates and sort them: in the bench's latency phase
-- (2026-12-07) 8,000 conversations no centre may take, sorted every 5 seconds (72 ms idle, 320 ms under load), and
-- always the same oldest 200 taken, holding back the others.
create index conversation_lease on conversation (lease_expires_at) where lease_expires_at is not null;
create index conversation_unplaced on conversation (arrival) where actionable and state = 'new' and centre is null;
