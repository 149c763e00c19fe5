-- The volume and term rollups are kept by statement-level triggers (ADR 0121): each writing statement adds its rows'
-- sums (or, for updated rows, the new values minus the old ones) to the rollups with one upsert per rollup row,
-- summed from the statement's transition tables, instead of one upsert per written row. The row triggers of V7, V9
-- and V14 updated the same hot rollup rows (an hour's or a day's totals) once per written row, and each update of a
-- row the transaction has already updated walks its chain of versions: in psql, 2,000 volume hour rows written in one
-- statement took 1,707 ms with V14's row trigger (326 ms with V7's, which had no day rows), 20,000 term hour rows
-- 1,403 ms through the term_day and term_span row triggers (302 ms without term_span's). Rollup rows are upserted in
-- key order, a stable lock order between concurrent writers.
--
-- Transition tables allow one event per trigger: one trigger for the rows inserted, one for the rows updated (by an
-- UPDATE or by INSERT ... ON CONFLICT DO UPDATE), whose old and new versions are matched by primary key.

drop trigger volume_rollup_add on volume_bucket;
drop function volume_rollup_add();
drop trigger term_day_add on term_bucket;
drop function term_day_add();
drop trigger term_span_add on term_day;
drop function term_span_add();

-- Volume: each bucket row's sums to its five dimension rows, an hour row's also to those of its UTC day (V14).
create function volume_rollup_add(deltas volume_bucket[]) returns void language sql as $$
    insert into volume_rollup as r (granularity, bucket, centre, dimension, key, mentions, positive, negative, score_sum)
    select g.granularity, g.bucket, d.centre, x.dimension, x.key, sum(d.mentions), sum(d.positive), sum(d.negative),
           sum(d.score_sum)
    from unnest(deltas) d
         cross join lateral (values (d.granularity::varchar, d.bucket),
                                    ('day'::varchar, date_trunc('day', d.bucket, 'UTC'))) g(granularity, bucket)
         cross join lateral (values ('', ''), ('network', d.network), ('language', d.language), ('topic', d.topic),
                                    ('product_line', d.product_line)) x(dimension, key)
    where g.granularity <> 'day' or d.granularity = 'hour'
    group by 1, 2, 3, 4, 5
    order by 1, 3, 4, 2, 5
    on conflict (granularity, centre, dimension, bucket, key) do update set
        mentions = r.mentions + excluded.mentions, positive = r.positive + excluded.positive,
        negative = r.negative + excluded.negative, score_sum = r.score_sum + excluded.score_sum
$$;

create function volume_rollup_inserted() returns trigger language plpgsql as $$
begin
    perform volume_rollup_add(array(select row(n.*)::volume_bucket from new_rows n));
    return null;
end
$$;

create function volume_rollup_updated() returns trigger language plpgsql as $$
begin
    perform volume_rollup_add(array(
        select row(n.granularity, n.bucket, n.centre, n.network, n.language, n.topic, n.product_line,
                   n.mentions - o.mentions, n.positive - o.positive, n.negative - o.negative,
                   n.score_sum - o.score_sum)::volume_bucket
        from new_rows n join old_rows o using (granularity, centre, bucket, network, language, topic, product_line)));
    return null;
end
$$;

create trigger volume_rollup_inserted after insert on volume_bucket referencing new table as new_rows
    for each statement execute function volume_rollup_inserted();
create trigger volume_rollup_updated after update on volume_bucket referencing old table as old_rows new table as new_rows
    for each statement execute function volume_rollup_updated();

-- Terms: the hour rows' mentions to their UTC day (V9).
create function term_day_add(deltas term_bucket[]) returns void language sql as $$
    insert into term_day as t (day, term, mentions)
    select date_trunc('day', d.bucket, 'UTC'), d.term, sum(d.mentions) from unnest(deltas) d
    where d.granularity = 'hour'
    group by 1, 2
    order by 1, 2
    on conflict (day, term) do update set mentions = t.mentions + excluded.mentions
$$;

create function term_day_inserted() returns trigger language plpgsql as $$
begin
    perform term_day_add(array(select row(n.*)::term_bucket from new_rows n where n.granularity = 'hour'));
    return null;
end
$$;

create function term_day_updated() returns trigger language plpgsql as $$
begin
    perform term_day_add(array(
        select row(n.granularity, n.bucket, n.term, n.mentions - o.mentions)::term_bucket
        from new_rows n join old_rows o using (granularity, bucket, term) where n.granularity = 'hour'));
    return null;
end
$$;

create trigger term_day_inserted after insert on term_bucket referencing new table as new_rows
    for each statement execute function term_day_inserted();
create trigger term_day_updated after update on term_bucket referencing old table as old_rows new table as new_rows
    for each statement execute function term_day_updated();

-- Term days to their spans of 4, 16 and 64 days (V14).
create function term_span_add(deltas term_day[]) returns void language sql as $$
    insert into term_span as s (days, start, term, mentions)
    select k, term_span_start(d.day, k), d.term, sum(d.mentions) from unnest(deltas) d cross join unnest(array[4, 16, 64]) k
    group by 1, 2, 3
    order by 1, 2, 3
    on conflict (days, start, term) do update set mentions = s.mentions + excluded.mentions
$$;

create function term_span_inserted() returns trigger language plpgsql as $$
begin
    perform term_span_add(array(select row(n.*)::term_day from new_rows n));
    return null;
end
$$;

create function term_span_updated() returns trigger language plpgsql as $$
begin
    perform term_span_add(array(
        select row(n.day, n.term, n.mentions - o.mentions)::term_day from new_rows n join old_rows o using (day, term)));
    return null;
end
$$;

create trigger term_span_inserted after insert on term_day referencing new table as new_rows
    for each statement execute function term_span_inserted();
create trigger term_span_updated after update on term_day referencing old table as old_rows new table as new_rows
    for each statement execute function term_span_updated();
