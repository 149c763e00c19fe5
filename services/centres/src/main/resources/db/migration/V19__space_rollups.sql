-- The map of the brand's spaces read through the period's tiling (ADR 0121), as the reports are: over 10 million
-- mentions its 90 days took 4-15 s, summing 50,000 hour rows of space_bucket and every conversation of the period
-- (5.4 million) for its counts and an exact median. Now:
-- 1. space_bucket gets 'day' rows, the sums of its hour rows per UTC day, kept by statement-level triggers as
--    volume_rollup's are (V17);
-- 2. the conversations of each space per UTC day and hour of their first message: how many, how many unanswered
--    (no first response and not closed or resolved), and the histogram of their first response times (ADR 0110's
--    duration buckets), kept by a row trigger on conversation_fact as the conversation rollups are (V11, V15).
--    The median is then the nearest-rank median of the histogram, within 2 % as the reports' percentiles. The
--    histograms are also kept per span of 4, 16 and 64 days (as term_span, V14): a space has about 80 buckets a day,
--    so 90 days of 23 spaces were 170,000 day rows (70 ms), a dozen spans and days instead; and per span of 4 and 12
--    hours (as term_hour_span, V18) for the partial days at a period's edges (23 hours: 25,000 hour rows);
-- 3. an index of the conversations of a space by the time of their first message, for the minutes at the edges.

create function space_day_add(deltas space_bucket[]) returns void language sql as $$
    insert into space_bucket as b (granularity, bucket, space, network, mentions, positive, negative, score_sum)
    select 'day', date_trunc('day', d.bucket, 'UTC'), d.space, min(d.network), sum(d.mentions), sum(d.positive),
           sum(d.negative), sum(d.score_sum)
    from unnest(deltas) d
    where d.granularity = 'hour'
    group by 2, 3
    order by 2, 3
    on conflict (granularity, bucket, space) do update set mentions = b.mentions + excluded.mentions,
        positive = b.positive + excluded.positive, negative = b.negative + excluded.negative,
        score_sum = b.score_sum + excluded.score_sum
$$;

-- The day rows are written to space_bucket itself: their own statements fire these triggers again, with no hour rows,
-- and statement triggers fire for zero rows too, so an empty set of deltas must write nothing.
create function space_day_inserted() returns trigger language plpgsql as $$
declare
    deltas space_bucket[] := array(select row(n.*)::space_bucket from new_rows n where n.granularity = 'hour');
begin
    if cardinality(deltas) > 0 then
        perform space_day_add(deltas);
    end if;
    return null;
end
$$;

create function space_day_updated() returns trigger language plpgsql as $$
declare
    deltas space_bucket[] := array(
        select row(n.granularity, n.bucket, n.space, n.network, n.mentions - o.mentions, n.positive - o.positive,
                   n.negative - o.negative, n.score_sum - o.score_sum)::space_bucket
        from new_rows n join old_rows o using (granularity, bucket, space) where n.granularity = 'hour');
begin
    if cardinality(deltas) > 0 then
        perform space_day_add(deltas);
    end if;
    return null;
end
$$;

create trigger space_day_inserted after insert on space_bucket referencing new table as new_rows
    for each statement execute function space_day_inserted();
create trigger space_day_updated after update on space_bucket referencing old table as old_rows new table as new_rows
    for each statement execute function space_day_updated();

create table space_conversation_day (
    day            timestamptz   not null,
    space          varchar(128)  not null,
    network        varchar(32),
    conversations  bigint        not null,
    unanswered     bigint        not null,
    primary key (day, space)
);

create table space_conversation_hour (
    hour           timestamptz   not null,
    space          varchar(128)  not null,
    network        varchar(32),
    conversations  bigint        not null,
    unanswered     bigint        not null,
    primary key (hour, space)
);

create table space_response_day (
    day            timestamptz   not null,
    space          varchar(128)  not null,
    bucket         integer       not null,
    conversations  bigint        not null,
    primary key (day, space, bucket)
);

create table space_response_span (
    days           smallint      not null,
    start          timestamptz   not null,
    space          varchar(128)  not null,
    bucket         integer       not null,
    conversations  bigint        not null,
    primary key (days, start, space, bucket)
);

create table space_response_hour_span (
    hours          smallint      not null,
    start          timestamptz   not null,
    space          varchar(128)  not null,
    bucket         integer       not null,
    conversations  bigint        not null,
    primary key (hours, start, space, bucket)
);

create table space_response_hour (
    hour           timestamptz   not null,
    space          varchar(128)  not null,
    bucket         integer       not null,
    conversations  bigint        not null,
    primary key (hour, space, bucket)
);

-- Adds (s = 1) or removes (s = -1) one conversation's contributions to its space's day and hour. The network kept is
-- the least one seen, as min(network) over the conversations was.
create function space_conversation_apply(c conversation_fact, s integer) returns void language plpgsql as $$
declare
    d timestamptz;
    h timestamptz;
    u integer;
    b integer;
begin
    if c.space is null or c.first_message_at is null then
        return;
    end if;
    d := date_trunc('day', c.first_message_at, 'UTC');
    h := date_trunc('hour', c.first_message_at, 'UTC');
    u := case when c.first_response_at is null and coalesce(c.state, '') not in ('closed', 'resolved') then s else 0 end;
    insert into space_conversation_day as r (day, space, network, conversations, unanswered)
    values (d, c.space, c.network, s, u)
    on conflict (day, space) do update set conversations = r.conversations + excluded.conversations,
        unanswered = r.unanswered + excluded.unanswered, network = least(r.network, excluded.network);
    insert into space_conversation_hour as r (hour, space, network, conversations, unanswered)
    values (h, c.space, c.network, s, u)
    on conflict (hour, space) do update set conversations = r.conversations + excluded.conversations,
        unanswered = r.unanswered + excluded.unanswered, network = least(r.network, excluded.network);
    if c.first_response_at is not null then
        b := duration_bucket(extract(epoch from c.first_response_at - c.first_message_at));
        insert into space_response_day as t (day, space, bucket, conversations) values (d, c.space, b, s)
        on conflict (day, space, bucket) do update set conversations = t.conversations + excluded.conversations;
        insert into space_response_span as t (days, start, space, bucket, conversations)
        select k, term_span_start(d, k), c.space, b, s from unnest(array[4, 16, 64]) k
        order by 1
        on conflict (days, start, space, bucket) do update set conversations = t.conversations + excluded.conversations;
        insert into space_response_hour as t (hour, space, bucket, conversations) values (h, c.space, b, s)
        on conflict (hour, space, bucket) do update set conversations = t.conversations + excluded.conversations;
        insert into space_response_hour_span as t (hours, start, space, bucket, conversations)
        select k, term_hour_span_start(h, k), c.space, b, s from unnest(array[4, 12]) k
        order by 1
        on conflict (hours, start, space, bucket) do update set conversations = t.conversations + excluded.conversations;
    end if;
end
$$;

create function space_conversation_rollup() returns trigger language plpgsql as $$
begin
    if tg_op <> 'INSERT' then
        perform space_conversation_apply(old, -1);
    end if;
    if tg_op <> 'DELETE' then
        perform space_conversation_apply(new, 1);
    end if;
    return null;
end
$$;

create trigger space_conversation_rollup after insert or delete on conversation_fact
    for each row execute function space_conversation_rollup();
create trigger space_conversation_rollup_update after update on conversation_fact
    for each row when ((old.space, old.network, old.first_message_at, old.first_response_at, old.state)
                       is distinct from (new.space, new.network, new.first_message_at, new.first_response_at, new.state))
    execute function space_conversation_rollup();

-- Rebuilds the day rows of space_bucket and the spaces' conversation rollups from the buckets and the facts, by the
-- rules of the triggers above: this migration's backfill, and the bench's bulk loader (its triggers off) after it
-- writes them.
create function space_rollups_rebuild() returns void language plpgsql as $$
begin
    delete from space_bucket where granularity = 'day';
    insert into space_bucket (granularity, bucket, space, network, mentions, positive, negative, score_sum)
    select 'day', date_trunc('day', bucket, 'UTC'), space, min(network), sum(mentions), sum(positive), sum(negative),
           sum(score_sum)
    from space_bucket where granularity = 'hour'
    group by 2, 3;

    truncate space_conversation_day, space_conversation_hour, space_response_day, space_response_span, space_response_hour,
        space_response_hour_span;
    insert into space_conversation_hour (hour, space, network, conversations, unanswered)
    select date_trunc('hour', first_message_at, 'UTC'), space, min(network), count(*),
           count(*) filter (where first_response_at is null and coalesce(state, '') not in ('closed', 'resolved'))
    from conversation_fact where space is not null and first_message_at is not null
    group by 1, 2;
    insert into space_conversation_day (day, space, network, conversations, unanswered)
    select date_trunc('day', hour, 'UTC'), space, min(network), sum(conversations), sum(unanswered)
    from space_conversation_hour
    group by 1, 2;
    insert into space_response_hour (hour, space, bucket, conversations)
    select date_trunc('hour', first_message_at, 'UTC'), space,
           duration_bucket(extract(epoch from first_response_at - first_message_at)), count(*)
    from conversation_fact where space is not null and first_message_at is not null and first_response_at is not null
    group by 1, 2, 3;
    insert into space_response_day (day, space, bucket, conversations)
    select date_trunc('day', hour, 'UTC'), space, bucket, sum(conversations)
    from space_response_hour
    group by 1, 2, 3;
    insert into space_response_span (days, start, space, bucket, conversations)
    select k, term_span_start(day, k), space, bucket, sum(conversations)
    from space_response_day cross join unnest(array[4, 16, 64]) k
    group by 1, 2, 3, 4;
    insert into space_response_hour_span (hours, start, space, bucket, conversations)
    select k, term_hour_span_start(hour, k), space, bucket, sum(conversations)
    from space_response_hour cross join unnest(array[4, 12]) k
    group by 1, 2, 3, 4;
end
$$;

create index conversation_fact_space_first_message on conversation_fact (first_message_at) include (space)
    where space is not null;

select space_rollups_rebuild();
