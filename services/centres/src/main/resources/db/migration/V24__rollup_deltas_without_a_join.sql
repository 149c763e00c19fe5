-- V23 took the term rollups' deltas without joining the transition tables; four statement triggers still joined
-- new_rows to old_rows, with the same blind estimate (the planner has no statistics on a transition table). With live
-- traffic, whose mentions all update today's rows, the join of term_day's update trigger took 6.3 of its 14.5 s in
-- the bench's latency phase of 2026-12-07 06:30 UTC (pg_stat_statements: term_span_add 14,480 ms, the term_span
-- upsert inside it 8,233 ms). Each delta is now the sum of the new row and the negated old one, grouped by the key:
-- the same deltas, no join. A column that is not a sum (a space's network, a question's example) is not changed by
-- the upserts, so the new and the old rows hold the same value; the group keeps it.

create or replace function volume_rollup_updated() returns trigger language plpgsql as $$
begin
    perform volume_rollup_add(array(
        select row(d.granularity, d.bucket, d.centre, d.network, d.language, d.topic, d.product_line,
                   sum(d.mentions), sum(d.positive), sum(d.negative), sum(d.score_sum))::volume_bucket
        from (select granularity, bucket, centre, network, language, topic, product_line, mentions, positive, negative,
                     score_sum from new_rows
              union all
              select granularity, bucket, centre, network, language, topic, product_line, -mentions, -positive,
                     -negative, -score_sum from old_rows) d
        group by d.granularity, d.bucket, d.centre, d.network, d.language, d.topic, d.product_line));
    return null;
end
$$;

create or replace function term_span_updated() returns trigger language plpgsql as $$
begin
    perform term_span_add(array(
        select row(d.day, d.term, sum(d.mentions))::term_day
        from (select day, term, mentions from new_rows
              union all
              select day, term, -mentions from old_rows) d
        group by d.day, d.term));
    return null;
end
$$;

create or replace function space_day_updated() returns trigger language plpgsql as $$
declare
    deltas space_bucket[] := array(
        select row(d.granularity, d.bucket, d.space, min(d.network), sum(d.mentions), sum(d.positive),
                   sum(d.negative), sum(d.score_sum))::space_bucket
        from (select granularity, bucket, space, network, mentions, positive, negative, score_sum
              from new_rows where granularity = 'hour'
              union all
              select granularity, bucket, space, network, -mentions, -positive, -negative, -score_sum
              from old_rows where granularity = 'hour') d
        group by d.granularity, d.bucket, d.space);
begin
    if cardinality(deltas) > 0 then
        perform space_day_add(deltas);
    end if;
    return null;
end
$$;

create or replace function question_day_updated() returns trigger language plpgsql as $$
begin
    perform question_day_add(array(
        select row(d.bucket, d.product_line, d.topic, d.signature, sum(d.mentions), min(d.example))::question_bucket
        from (select bucket, product_line, topic, signature, mentions, example from new_rows
              union all
              select bucket, product_line, topic, signature, -mentions, example from old_rows) d
        group by d.bucket, d.product_line, d.topic, d.signature));
    return null;
end
$$;
