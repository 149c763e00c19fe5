-- Recurring questions per UTC day, and each day's and hour's clusters readable busiest first (ADR 0123).
--
-- The most asked clusters of a period summed every question hour row of the period and of the previous one: over the
-- bench's 10 million mentions, 1.8 million rows holding 1.27 million distinct clusters, 2.3-4.5 s for 30 to 90 days.
-- The report now reads, for each whole day and each hour outside them, only its busiest clusters (an index-only scan
-- of (day, mentions desc)), then the exact counts of the few candidates (an index on the cluster), and says whether
-- the list is provably the exact top: the bound of a cluster absent from a tile's list is that list's next count.

create table question_day (
    day           timestamptz  not null,
    product_line  varchar(64)  not null,
    topic         varchar(64)  not null,
    signature     varchar(200) not null,
    mentions      bigint       not null,
    example       varchar(280) not null,
    primary key (day, product_line, topic, signature)
);

-- Busiest first within a day or an hour, covering what the candidate lists read.
create index question_day_busiest on question_day (day, mentions desc) include (product_line, topic, signature);
create index question_bucket_busiest on question_bucket (bucket, mentions desc) include (product_line, topic, signature);
-- One cluster's rows over a range of days or hours: the candidates' exact counts.
create index question_day_cluster on question_day (signature, product_line, topic, day) include (mentions);
create index question_bucket_cluster on question_bucket (signature, product_line, topic, bucket) include (mentions);

-- Hour rows' deltas to their UTC day, in key order (a stable lock order between concurrent writers). A day's example is
-- the least of its hours' examples, as the report took the least example of the period's hours.
create function question_day_add(deltas question_bucket[]) returns void language sql as $$
    insert into question_day as q (day, product_line, topic, signature, mentions, example)
    select date_trunc('day', d.bucket, 'UTC'), d.product_line, d.topic, d.signature, sum(d.mentions), min(d.example)
    from unnest(deltas) d
    group by 1, 2, 3, 4
    order by 1, 2, 3, 4
    on conflict (day, product_line, topic, signature) do update set
        mentions = q.mentions + excluded.mentions, example = least(q.example, excluded.example)
$$;

create function question_day_inserted() returns trigger language plpgsql as $$
begin
    perform question_day_add(array(select row(n.*)::question_bucket from new_rows n));
    return null;
end
$$;

create function question_day_updated() returns trigger language plpgsql as $$
begin
    perform question_day_add(array(
        select row(n.bucket, n.product_line, n.topic, n.signature, n.mentions - o.mentions, n.example)::question_bucket
        from new_rows n join old_rows o using (bucket, product_line, topic, signature)));
    return null;
end
$$;

create trigger question_day_inserted after insert on question_bucket referencing new table as new_rows
    for each statement execute function question_day_inserted();
create trigger question_day_updated after update on question_bucket referencing old table as old_rows new table as new_rows
    for each statement execute function question_day_updated();

-- Rebuilds question_day from the hour rows: this migration's backfill, and the bench's bulk loader (its triggers off).
create function question_days_rebuild() returns void language plpgsql as $$
begin
    truncate question_day;
    insert into question_day (day, product_line, topic, signature, mentions, example)
    select date_trunc('day', bucket, 'UTC'), product_line, topic, signature, sum(mentions), min(example)
    from question_bucket
    group by 1, 2, 3, 4;
end
$$;

select question_days_rebuild();
