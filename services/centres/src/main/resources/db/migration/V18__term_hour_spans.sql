-- Term mentions per span of 4 and 12 UTC hours (ADR 0121), each span starting on an hour number (hours since
-- 1970-01-01) that its length divides, so inside one UTC day. A period that does not start and end at midnight has
-- partial days at its edges, and those of the previous period too: rising terms read them hour by hour, one row per
-- hour and term (2,800 of the bench's 3,000 terms are heard in any hour), 89,000 of the 159,000 rows read for 90 days
-- ending at 16:37. As spans, a partial day is at most two spans and three single hours on either side.
create table term_hour_span (
    hours     smallint     not null,
    start     timestamptz  not null,
    term      varchar(64)  not null,
    mentions  bigint       not null,
    primary key (hours, start, term) include (mentions)
);

create function term_hour_span_start(hour timestamptz, hours integer) returns timestamptz language sql immutable parallel safe as $$
    select timestamptz '1970-01-01 00:00:00+00'
           + make_interval(hours => ((extract(epoch from hour)::bigint / 3600) / hours * hours)::integer)
$$;

-- Hour rows of term_bucket to their spans, as term_day_add (V17) adds them to their day.
create function term_hour_span_add(deltas term_bucket[]) returns void language sql as $$
    insert into term_hour_span as s (hours, start, term, mentions)
    select k, term_hour_span_start(d.bucket, k), d.term, sum(d.mentions) from unnest(deltas) d cross join unnest(array[4, 12]) k
    where d.granularity = 'hour'
    group by 1, 2, 3
    order by 1, 2, 3
    on conflict (hours, start, term) do update set mentions = s.mentions + excluded.mentions
$$;

-- The statement triggers of term_bucket (V17) now keep both rollups of its hour rows from one array of deltas.
drop trigger term_day_inserted on term_bucket;
drop trigger term_day_updated on term_bucket;
drop function term_day_inserted();
drop function term_day_updated();

create function term_rollups_inserted() returns trigger language plpgsql as $$
declare
    deltas term_bucket[] := array(select row(n.*)::term_bucket from new_rows n where n.granularity = 'hour');
begin
    perform term_day_add(deltas);
    perform term_hour_span_add(deltas);
    return null;
end
$$;

create function term_rollups_updated() returns trigger language plpgsql as $$
declare
    deltas term_bucket[] := array(
        select row(n.granularity, n.bucket, n.term, n.mentions - o.mentions)::term_bucket
        from new_rows n join old_rows o using (granularity, bucket, term) where n.granularity = 'hour');
begin
    perform term_day_add(deltas);
    perform term_hour_span_add(deltas);
    return null;
end
$$;

create trigger term_rollups_inserted after insert on term_bucket referencing new table as new_rows
    for each statement execute function term_rollups_inserted();
create trigger term_rollups_updated after update on term_bucket referencing old table as old_rows new table as new_rows
    for each statement execute function term_rollups_updated();

-- Rebuilds the hour spans from term_bucket's hour rows: this migration's backfill, and the bench's bulk loader (its
-- triggers off) after it writes the term buckets.
create function term_hour_spans_rebuild() returns void language plpgsql as $$
begin
    truncate term_hour_span;
    insert into term_hour_span (hours, start, term, mentions)
    select k, term_hour_span_start(bucket, k), term, sum(mentions) from term_bucket cross join unnest(array[4, 12]) k
    where granularity = 'hour'
    group by 1, 2, 3;
end
$$;

select term_hour_spans_rebuild();
