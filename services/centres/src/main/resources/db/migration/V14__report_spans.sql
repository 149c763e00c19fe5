-- Coarse rows for long report periods (ADR 0121). EXPLAIN ANALYZE of a 90-day report of every centre over 2 million
-- stored mentions: the rising terms summed 540,000 term_day rows (125 ms), the breakdown by centre and each other
-- breakdown read 90 x 24 hour rows per key of volume_rollup (37-122 ms). The rows below make each of those read a
-- few thousand rows; the conversation rollups' hour and all-centres ('*') rows are V15's.

-- 1. Volume per UTC day and one dimension: rows of granularity 'day' in volume_rollup, added by its trigger with
--    every hour row (the day of an hour bucket is the UTC day it starts in).
create or replace function volume_rollup_add() returns trigger language plpgsql as $$
declare
    dm bigint := new.mentions;
    dp bigint := new.positive;
    dn bigint := new.negative;
    ds double precision := new.score_sum;
begin
    if tg_op = 'UPDATE' then
        dm := new.mentions - old.mentions;
        dp := new.positive - old.positive;
        dn := new.negative - old.negative;
        ds := new.score_sum - old.score_sum;
    end if;
    insert into volume_rollup as r (granularity, bucket, centre, dimension, key, mentions, positive, negative, score_sum)
    select g.granularity, g.bucket, new.centre, d.dimension, d.key, dm, dp, dn, ds
    from (values (new.granularity::varchar, new.bucket), ('day'::varchar, date_trunc('day', new.bucket, 'UTC'))) g(granularity, bucket)
         cross join (values ('', ''), ('network', new.network), ('language', new.language), ('topic', new.topic),
                            ('product_line', new.product_line)) d(dimension, key)
    where g.granularity <> 'day' or new.granularity = 'hour'
    on conflict (granularity, centre, dimension, bucket, key) do update set
        mentions = r.mentions + excluded.mentions, positive = r.positive + excluded.positive,
        negative = r.negative + excluded.negative, score_sum = r.score_sum + excluded.score_sum;
    return null;
end
$$;

insert into volume_rollup (granularity, bucket, centre, dimension, key, mentions, positive, negative, score_sum)
select 'day', date_trunc('day', bucket, 'UTC'), centre, dimension, key, sum(mentions), sum(positive), sum(negative),
       sum(score_sum)
from volume_rollup where granularity = 'hour'
group by 2, 3, 4, 5;

-- 2. Term mentions per span of 4, 16 and 64 UTC days, each span starting on a day number (days since 1970-01-01)
--    that its length divides: a period's whole days are a few spans and single days (term_day) instead of one row
--    per day and term. Kept by a trigger on term_day, as term_day is by one on term_bucket's hour rows.
create table term_span (
    days      smallint     not null,
    start     timestamptz  not null,
    term      varchar(64)  not null,
    mentions  bigint       not null,
    primary key (days, start, term) include (mentions)
);

create function term_span_start(day timestamptz, days integer) returns timestamptz language sql immutable parallel safe as $$
    select timestamptz '1970-01-01 00:00:00+00'
           + make_interval(days => ((extract(epoch from day)::bigint / 86400) / days * days)::integer)
$$;

create function term_span_add() returns trigger language plpgsql as $$
declare
    dm bigint := new.mentions;
begin
    if tg_op = 'UPDATE' then
        dm := new.mentions - old.mentions;
    end if;
    insert into term_span as s (days, start, term, mentions)
    select k, term_span_start(new.day, k), new.term, dm from unnest(array[4, 16, 64]) k
    on conflict (days, start, term) do update set mentions = s.mentions + excluded.mentions;
    return null;
end
$$;

create trigger term_span_add after insert or update on term_day for each row execute function term_span_add();

insert into term_span (days, start, term, mentions)
select k, term_span_start(day, k), term, sum(mentions) from term_day cross join unnest(array[4, 16, 64]) k
group by 1, 2, 3;
