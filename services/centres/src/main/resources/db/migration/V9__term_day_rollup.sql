-- Term mentions per UTC day (ADR 0101): rising terms over long periods read whole days here and only the partial
-- days at the edges from the hour buckets (EXPLAIN ANALYZE over 2 million mentions: 90 days read 3.6 million hour
-- rows of term_bucket in 3.7 s). Kept by a trigger on term_bucket's hour rows, so every writer (one by one, batches)
-- leaves both consistent: each insert or update adds its delta to the row of its day.
create table term_day (
    day       timestamptz  not null,
    term      varchar(64)  not null,
    mentions  bigint       not null,
    primary key (day, term)
);

create function term_day_add() returns trigger language plpgsql as $$
declare
    dm bigint := new.mentions;
begin
    if tg_op = 'UPDATE' then
        dm := new.mentions - old.mentions;
    end if;
    insert into term_day as d (day, term, mentions)
    values (date_trunc('day', new.bucket, 'UTC'), new.term, dm)
    on conflict (day, term) do update set mentions = d.mentions + excluded.mentions;
    return null;
end
$$;

create trigger term_day_add after insert or update on term_bucket
    for each row when (new.granularity = 'hour') execute function term_day_add();

-- The rows already counted.
insert into term_day (day, term, mentions)
select date_trunc('day', bucket, 'UTC'), term, sum(mentions) from term_bucket where granularity = 'hour' group by 1, 2;

-- The report's breakdown by centre of every centre (scope '*') reads each centre's totals: with centre <> '*' the
-- primary key (granularity, centre, dimension, bucket, key) is scanned over every centre and dimension of the
-- granularity (2.2 s for one hour of minute buckets over 2 million mentions).
create index volume_rollup_centre_totals on volume_rollup (granularity, bucket) where dimension = '' and centre <> '*';
