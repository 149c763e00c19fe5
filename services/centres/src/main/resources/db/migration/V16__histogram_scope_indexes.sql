-- The duration histograms are read per kind and centre over a range of days or hours (ADR 0121), but their keys
-- order the rows by kind, then time, then centre: a report of every centre (centre '*') over 90 days scanned every
-- centre's rows of each day, and PostgreSQL chose a parallel sequential scan of conversation_time_day (61 ms of a
-- 100 ms histogram over 10 million stored mentions, EXPLAIN ANALYZE). These read one range per kind and centre,
-- index-only.
create index conversation_time_day_scope on conversation_time_day (kind, centre, day) include (bucket, conversations);
create index conversation_time_hour_scope on conversation_time_hour (kind, centre, hour) include (bucket, conversations);
