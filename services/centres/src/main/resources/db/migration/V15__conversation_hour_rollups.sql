-- The conversation and reply rollups of V11 and V13 per UTC hour too (ADR 0121): a period that does not start and end
-- at midnight ("the last 24 hours" at 16:37) read its partial days from conversation_fact and reply_fact, up to two
-- days of conversations; it now reads them per hour here, and only the minutes before its first and after its last
-- whole hour from the facts. Same columns and rules as the day tables, kept by the same trigger functions.
create table conversation_hour (
    hour         timestamptz  not null,
    centre       varchar(64)  not null,
    responded    bigint       not null,
    with_sla     bigint       not null,
    met_sla      bigint       not null,
    closed       bigint       not null,
    delta_sum    numeric      not null,
    delta_count  bigint       not null,
    restated     bigint       not null,
    primary key (hour, centre)
);

create table conversation_time_hour (
    kind           varchar(16)  not null,
    hour           timestamptz  not null,
    centre         varchar(64)  not null,
    bucket         integer      not null,
    conversations  bigint       not null,
    primary key (kind, hour, centre, bucket)
);

create table reply_hour (
    hour     timestamptz  not null,
    centre   varchar(64)  not null,
    status   varchar(16)  not null,
    replies  bigint       not null,
    primary key (hour, centre, status)
);

-- Adds (s = 1) or removes (s = -1) one conversation's contributions, per day and per hour; the histograms also under
-- centre '*', the sums of every centre, so a report of all centres reads one row per day or hour and bucket.
create or replace function conversation_day_apply(c conversation_fact, s integer) returns void language plpgsql as $$
declare
    k varchar := coalesce(c.centre, '');
    d timestamptz;
    h timestamptz;
    b integer;
begin
    if c.first_response_at is not null and c.first_message_at is not null then
        d := date_trunc('day', c.first_response_at, 'UTC');
        h := date_trunc('hour', c.first_response_at, 'UTC');
        b := duration_bucket(extract(epoch from c.first_response_at - c.first_message_at));
        insert into conversation_day as r (day, centre, responded, with_sla, met_sla, closed, delta_sum, delta_count, restated)
        values (d, k, s, case when c.sla_due_at is not null then s else 0 end,
                case when c.first_response_at <= c.sla_due_at then s else 0 end, 0, 0, 0, 0)
        on conflict (day, centre) do update set responded = r.responded + excluded.responded,
            with_sla = r.with_sla + excluded.with_sla, met_sla = r.met_sla + excluded.met_sla;
        insert into conversation_hour as r (hour, centre, responded, with_sla, met_sla, closed, delta_sum, delta_count, restated)
        values (h, k, s, case when c.sla_due_at is not null then s else 0 end,
                case when c.first_response_at <= c.sla_due_at then s else 0 end, 0, 0, 0, 0)
        on conflict (hour, centre) do update set responded = r.responded + excluded.responded,
            with_sla = r.with_sla + excluded.with_sla, met_sla = r.met_sla + excluded.met_sla;
        insert into conversation_time_day as t (kind, day, centre, bucket, conversations)
        select 'first_response', d, x.centre, b, s from (select k union select '*') x(centre)
        on conflict (kind, day, centre, bucket) do update set conversations = t.conversations + excluded.conversations;
        insert into conversation_time_hour as t (kind, hour, centre, bucket, conversations)
        select 'first_response', h, x.centre, b, s from (select k union select '*') x(centre)
        on conflict (kind, hour, centre, bucket) do update set conversations = t.conversations + excluded.conversations;
    end if;
    if c.closed_at is not null then
        d := date_trunc('day', c.closed_at, 'UTC');
        h := date_trunc('hour', c.closed_at, 'UTC');
        insert into conversation_day as r (day, centre, responded, with_sla, met_sla, closed, delta_sum, delta_count, restated)
        values (d, k, 0, 0, 0, s, coalesce(s * c.sentiment_delta::numeric, 0),
                case when c.sentiment_delta is not null then s else 0 end, case when c.restated then s else 0 end)
        on conflict (day, centre) do update set closed = r.closed + excluded.closed,
            delta_sum = r.delta_sum + excluded.delta_sum, delta_count = r.delta_count + excluded.delta_count,
            restated = r.restated + excluded.restated;
        insert into conversation_hour as r (hour, centre, responded, with_sla, met_sla, closed, delta_sum, delta_count, restated)
        values (h, k, 0, 0, 0, s, coalesce(s * c.sentiment_delta::numeric, 0),
                case when c.sentiment_delta is not null then s else 0 end, case when c.restated then s else 0 end)
        on conflict (hour, centre) do update set closed = r.closed + excluded.closed,
            delta_sum = r.delta_sum + excluded.delta_sum, delta_count = r.delta_count + excluded.delta_count,
            restated = r.restated + excluded.restated;
        if c.first_message_at is not null then
            b := duration_bucket(extract(epoch from c.closed_at - c.first_message_at));
            insert into conversation_time_day as t (kind, day, centre, bucket, conversations)
            select 'resolution', d, x.centre, b, s from (select k union select '*') x(centre)
            on conflict (kind, day, centre, bucket) do update set conversations = t.conversations + excluded.conversations;
            insert into conversation_time_hour as t (kind, hour, centre, bucket, conversations)
            select 'resolution', h, x.centre, b, s from (select k union select '*') x(centre)
            on conflict (kind, hour, centre, bucket) do update set conversations = t.conversations + excluded.conversations;
        end if;
    end if;
end
$$;

create or replace function reply_day_rollup() returns trigger language plpgsql as $$
begin
    if tg_op <> 'INSERT' and old.counted then
        insert into reply_day as d (day, centre, status, replies)
        values (date_trunc('day', old.created_at, 'UTC'), coalesce(old.centre, ''), coalesce(old.status, ''), -1)
        on conflict (day, centre, status) do update set replies = d.replies + excluded.replies;
        insert into reply_hour as d (hour, centre, status, replies)
        values (date_trunc('hour', old.created_at, 'UTC'), coalesce(old.centre, ''), coalesce(old.status, ''), -1)
        on conflict (hour, centre, status) do update set replies = d.replies + excluded.replies;
    end if;
    if tg_op <> 'DELETE' and new.counted then
        insert into reply_day as d (day, centre, status, replies)
        values (date_trunc('day', new.created_at, 'UTC'), coalesce(new.centre, ''), coalesce(new.status, ''), 1)
        on conflict (day, centre, status) do update set replies = d.replies + excluded.replies;
        insert into reply_hour as d (hour, centre, status, replies)
        values (date_trunc('hour', new.created_at, 'UTC'), coalesce(new.centre, ''), coalesce(new.status, ''), 1)
        on conflict (hour, centre, status) do update set replies = d.replies + excluded.replies;
    end if;
    return null;
end
$$;

-- Rebuilds every conversation and reply rollup, per day and per hour, from the facts, by the rules of the trigger
-- functions above: this migration's backfill, and the bench's bulk loader (its triggers off) after it writes the facts.
create function conversation_rollups_rebuild() returns void language plpgsql as $$
begin
    truncate conversation_day, conversation_hour, conversation_time_day, conversation_time_hour, reply_day, reply_hour;

    insert into conversation_day (day, centre, responded, with_sla, met_sla, closed, delta_sum, delta_count, restated)
    select date_trunc('day', at, 'UTC'), centre, sum(responded), sum(with_sla), sum(met_sla), sum(closed), sum(delta_sum),
           sum(delta_count), sum(restated)
    from conversation_sums group by 1, 2;
    insert into conversation_hour (hour, centre, responded, with_sla, met_sla, closed, delta_sum, delta_count, restated)
    select date_trunc('hour', at, 'UTC'), centre, sum(responded), sum(with_sla), sum(met_sla), sum(closed), sum(delta_sum),
           sum(delta_count), sum(restated)
    from conversation_sums group by 1, 2;

    insert into conversation_time_day (kind, day, centre, bucket, conversations)
    select kind, date_trunc('day', at, 'UTC'), c.centre, bucket, count(*)
    from conversation_durations cross join lateral (select coalesce(centre, '') union select '*') c(centre)
    group by 1, 2, 3, 4;
    insert into conversation_time_hour (kind, hour, centre, bucket, conversations)
    select kind, date_trunc('hour', at, 'UTC'), c.centre, bucket, count(*)
    from conversation_durations cross join lateral (select coalesce(centre, '') union select '*') c(centre)
    group by 1, 2, 3, 4;

    insert into reply_day (day, centre, status, replies)
    select date_trunc('day', created_at, 'UTC'), coalesce(centre, ''), coalesce(status, ''), count(*)
    from reply_fact where counted group by 1, 2, 3;
    insert into reply_hour (hour, centre, status, replies)
    select date_trunc('hour', created_at, 'UTC'), coalesce(centre, ''), coalesce(status, ''), count(*)
    from reply_fact where counted group by 1, 2, 3;
end
$$;

-- Each conversation's contributions to the sums, at the time they count: its first response, its closing.
create view conversation_sums as
select first_response_at at, coalesce(centre, '') centre, 1 responded,
       case when sla_due_at is not null then 1 else 0 end with_sla,
       case when first_response_at <= sla_due_at then 1 else 0 end met_sla,
       0 closed, 0::numeric delta_sum, 0 delta_count, 0 restated
from conversation_fact where first_response_at is not null and first_message_at is not null
union all
select closed_at, coalesce(centre, ''), 0, 0, 0, 1, coalesce(sentiment_delta::numeric, 0),
       case when sentiment_delta is not null then 1 else 0 end, case when restated then 1 else 0 end
from conversation_fact where closed_at is not null;

-- Each conversation's durations, at the time they count, in their histogram bucket.
create view conversation_durations as
select 'first_response'::varchar kind, first_response_at at, centre,
       duration_bucket(extract(epoch from first_response_at - first_message_at)) bucket
from conversation_fact where first_response_at is not null and first_message_at is not null
union all
select 'resolution', closed_at, centre, duration_bucket(extract(epoch from closed_at - first_message_at))
from conversation_fact where closed_at is not null and first_message_at is not null;

select conversation_rollups_rebuild();
