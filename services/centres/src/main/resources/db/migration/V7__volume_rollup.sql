-- Volume per bucket and ONE dimension (ADR 0092): the reports' breakdowns and series read a few rows per bucket here
-- instead of every (network, language, topic, product line) combination of volume_bucket. dimension '' with key ''
-- is the bucket's total. Kept by a trigger on volume_bucket, so every writer (one by one, batches, bulk loads)
-- leaves both tables consistent: each insert or update adds its delta to the five rollup rows of its bucket.
create table volume_rollup (
    granularity  varchar(6)   not null,
    bucket       timestamptz  not null,
    centre       varchar(64)  not null,
    dimension    varchar(16)  not null,          -- '' | network | language | topic | product_line
    key          varchar(64)  not null,
    mentions     bigint       not null,
    positive     bigint       not null,
    negative     bigint       not null,
    score_sum    double precision not null,
    primary key (granularity, centre, dimension, bucket, key)
);

create function volume_rollup_add() returns trigger language plpgsql as $$
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
    values (new.granularity, new.bucket, new.centre, '', '', dm, dp, dn, ds),
           (new.granularity, new.bucket, new.centre, 'network', new.network, dm, dp, dn, ds),
           (new.granularity, new.bucket, new.centre, 'language', new.language, dm, dp, dn, ds),
           (new.granularity, new.bucket, new.centre, 'topic', new.topic, dm, dp, dn, ds),
           (new.granularity, new.bucket, new.centre, 'product_line', new.product_line, dm, dp, dn, ds)
    on conflict (granularity, centre, dimension, bucket, key) do update set
        mentions = r.mentions + excluded.mentions, positive = r.positive + excluded.positive,
        negative = r.negative + excluded.negative, score_sum = r.score_sum + excluded.score_sum;
    return null;
end
$$;

create trigger volume_rollup_add after insert or update on volume_bucket
    for each row execute function volume_rollup_add();

-- The rows already counted.
insert into volume_rollup (granularity, bucket, centre, dimension, key, mentions, positive, negative, score_sum)
select granularity, bucket, centre, d.dimension, d.key, sum(mentions), sum(positive), sum(negative), sum(score_sum)
from volume_bucket
     cross join lateral (values ('', ''), ('network', network), ('language', language), ('topic', topic),
                                ('product_line', product_line)) d(dimension, key)
group by 1, 2, 3, 4, 5;
