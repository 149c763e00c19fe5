-- The statement trigger that adds an upsert's updated term_bucket rows to the day and hour-span rollups (V18) took
-- each row's delta from a join of the transition tables, new_rows and old_rows, filtered to the hour rows. The
-- planner has no statistics on a transition table: it estimates the filter keeps 0.5 % of the rows (EXPLAIN: 16
-- estimated, 678 actual, for a poll of 3,300 rows) and so may choose a nested loop, which compares every hour row with
-- every old row. In two bench runs of 2026-12-07 (make bench's pg_stat_statements figures, throughput phase) that
-- join took 125 and 360 ms per poll, as much as the upsert itself; in two others it did not show. A delta is the sum
-- of the new value and the negated old one, grouped by the key: no join, no estimate to get wrong, the same deltas.
create or replace function term_rollups_updated() returns trigger language plpgsql as $$
declare
    deltas term_bucket[] := array(
        select row(d.granularity, d.bucket, d.term, sum(d.mentions))::term_bucket
        from (select granularity, bucket, term, mentions from new_rows where granularity = 'hour'
              union all
              select granularity, bucket, term, -mentions from old_rows where granularity = 'hour') d
        group by d.granularity, d.bucket, d.term);
begin
    perform term_day_add(deltas);
    perform term_hour_span_add(deltas);
    return null;
end
$$;
