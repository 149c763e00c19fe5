-- First-response and resolution figures per UTC day and centre (ADR 0110). EXPLAIN ANALYZE over 2 million stored
-- mentions: the exact percentile_cont of a 90-day report sorted 863,000 conversations, about 3 s for each of the
-- two figures. Reports now read whole days here and only the partial days at their edges from conversation_fact.
--
-- Durations (seconds) go to log-spaced buckets: bucket i holds (g^(i-1), g^i] with g = 1.02 / 0.98, and is read
-- as 2 g^i / (g + 1), within 2 % of every duration in it. Durations under 1 ms, negative ones included (clock
-- skew), go to bucket -1000, read as 0. Only this function assigns buckets (trigger, backfill, report edges).
create function duration_bucket(seconds double precision) returns integer language sql immutable parallel safe as $$
    select case when seconds is null then null
                when seconds < 0.001 then -1000
                else ceil(ln(seconds) / ln(1.02::float8 / 0.98::float8))::integer end
$$;

-- Conversations per day, centre ('' for none), kind and duration bucket: 'first_response' counts a conversation
-- on the day of its first response (first_response_at - first_message_at), 'resolution' on the day it closed
-- (closed_at - first_message_at); both only with a first message time, as the percentiles over raw rows did.
create table conversation_time_day (
    kind           varchar(16)  not null,
    day            timestamptz  not null,
    centre         varchar(64)  not null,
    bucket         integer      not null,
    conversations  bigint       not null,
    primary key (kind, day, centre, bucket)
);

-- The other sums of the same figures per day and centre: answered (with a first message time), with an SLA due
-- time, answered by it (on the first response's day); closed, the sentiment deltas' sum (numeric: adding and
-- removing a row's delta leaves no rounding behind) and count, restated (on the closing day).
create table conversation_day (
    day          timestamptz  not null,
    centre       varchar(64)  not null,
    responded    bigint       not null,
    with_sla     bigint       not null,
    met_sla      bigint       not null,
    closed       bigint       not null,
    delta_sum    numeric      not null,
    delta_count  bigint       not null,
    restated     bigint       not null,
    primary key (day, centre)
);

-- Adds (s = 1) or removes (s = -1) one conversation's contributions.
create function conversation_day_apply(c conversation_fact, s integer) returns void language plpgsql as $$
declare
    k varchar := coalesce(c.centre, '');
    d timestamptz;
begin
    if c.first_response_at is not null and c.first_message_at is not null then
        d := date_trunc('day', c.first_response_at, 'UTC');
        insert into conversation_day as r (day, centre, responded, with_sla, met_sla, closed, delta_sum, delta_count, restated)
        values (d, k, s, case when c.sla_due_at is not null then s else 0 end,
                case when c.first_response_at <= c.sla_due_at then s else 0 end, 0, 0, 0, 0)
        on conflict (day, centre) do update set responded = r.responded + excluded.responded,
            with_sla = r.with_sla + excluded.with_sla, met_sla = r.met_sla + excluded.met_sla;
        insert into conversation_time_day as h (kind, day, centre, bucket, conversations)
        values ('first_response', d, k, duration_bucket(extract(epoch from c.first_response_at - c.first_message_at)), s)
        on conflict (kind, day, centre, bucket) do update set conversations = h.conversations + excluded.conversations;
    end if;
    if c.closed_at is not null then
        d := date_trunc('day', c.closed_at, 'UTC');
        insert into conversation_day as r (day, centre, responded, with_sla, met_sla, closed, delta_sum, delta_count, restated)
        values (d, k, 0, 0, 0, s, coalesce(s * c.sentiment_delta::numeric, 0),
                case when c.sentiment_delta is not null then s else 0 end, case when c.restated then s else 0 end)
        on conflict (day, centre) do update set closed = r.closed + excluded.closed,
            delta_sum = r.delta_sum + excluded.delta_sum, delta_count = r.delta_count + excluded.delta_count,
            restated = r.restated + excluded.restated;
        if c.first_message_at is not null then
            insert into conversation_time_day as h (kind, day, centre, bucket, conversations)
            values ('resolution', d, k, duration_bucket(extract(epoch from c.closed_at - c.first_message_at)), s)
            on conflict (kind, day, centre, bucket) do update set conversations = h.conversations + excluded.conversations;
        end if;
    end if;
end
$$;

-- Kept in the writer's transaction: an update takes the old row's contributions off and adds the new row's.
create function conversation_day_rollup() returns trigger language plpgsql as $$
begin
    if tg_op <> 'INSERT' then
        perform conversation_day_apply(old, -1);
    end if;
    if tg_op <> 'DELETE' then
        perform conversation_day_apply(new, 1);
    end if;
    return null;
end
$$;

create trigger conversation_day_rollup after insert or delete on conversation_fact
    for each row execute function conversation_day_rollup();
create trigger conversation_day_rollup_update after update on conversation_fact
    for each row when ((old.centre, old.first_message_at, old.first_response_at, old.sla_due_at, old.closed_at,
                        old.sentiment_delta, old.restated)
                       is distinct from (new.centre, new.first_message_at, new.first_response_at, new.sla_due_at,
                                         new.closed_at, new.sentiment_delta, new.restated))
    execute function conversation_day_rollup();

-- The conversations already stored, in two grouped passes.
insert into conversation_day (day, centre, responded, with_sla, met_sla, closed, delta_sum, delta_count, restated)
select day, centre, sum(responded), sum(with_sla), sum(met_sla), sum(closed), sum(delta_sum), sum(delta_count), sum(restated)
from (select date_trunc('day', first_response_at, 'UTC') as day, coalesce(centre, '') centre, 1 responded,
             case when sla_due_at is not null then 1 else 0 end with_sla,
             case when first_response_at <= sla_due_at then 1 else 0 end met_sla,
             0 closed, 0::numeric delta_sum, 0 delta_count, 0 restated
      from conversation_fact where first_response_at is not null and first_message_at is not null
      union all
      select date_trunc('day', closed_at, 'UTC'), coalesce(centre, ''), 0, 0, 0, 1, coalesce(sentiment_delta::numeric, 0),
             case when sentiment_delta is not null then 1 else 0 end, case when restated then 1 else 0 end
      from conversation_fact where closed_at is not null) x
group by day, centre;

insert into conversation_time_day (kind, day, centre, bucket, conversations)
select 'first_response', date_trunc('day', first_response_at, 'UTC'), coalesce(centre, ''),
       duration_bucket(extract(epoch from first_response_at - first_message_at)), count(*)
from conversation_fact where first_response_at is not null and first_message_at is not null
group by 1, 2, 3, 4;

insert into conversation_time_day (kind, day, centre, bucket, conversations)
select 'resolution', date_trunc('day', closed_at, 'UTC'), coalesce(centre, ''),
       duration_bucket(extract(epoch from closed_at - first_message_at)), count(*)
from conversation_fact where closed_at is not null and first_message_at is not null
group by 1, 2, 3, 4;
