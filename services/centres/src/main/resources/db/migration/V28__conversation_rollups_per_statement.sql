-- The conversation rollups kept per statement instead of per row (ADR 0140). The backlog counter (V12), the day and
-- hour sums and histograms (V11, V15) and the spaces' conversation rollups (V19) were kept by three row triggers on
-- conversation_fact: a poll of routing decisions upserting 150 conversations ran up to eleven upserts per row, most of
-- them on the same few rows (a centre's backlog counter, the hour of a space), each a new version of that row in the
-- same transaction. In the bench's latency phase the batch upsert of conversation_fact took 3.4 s of PostgreSQL's
-- 16 CPU-seconds (59 statements, 8,319 rows). Now each statement's rows are summed per rollup row first, as
-- volume_rollup's deltas are (V17, V24), and each rollup row is written once per statement.
--
-- The rules are those of the row triggers: a row's contributions are added when it is inserted, taken off when it is
-- deleted, and an update takes off the old row's and adds the new row's. Summed over a statement, an update that
-- changes nothing a rollup reads nets to zero there, and a rollup row whose deltas are all zero is not written (the
-- row triggers skipped such updates by their WHEN clauses). A space's network is still the least one seen.

-- The columns the rollups read of each conversation, with its sign: +1 added, -1 taken off.
create function conversation_fact_signed(added conversation_fact[], removed conversation_fact[])
returns table (centre varchar, queue varchar, state varchar, network varchar, space varchar,
               first_message_at timestamptz, first_response_at timestamptz, sla_due_at timestamptz,
               closed_at timestamptz, sentiment_delta double precision, restated boolean, s integer)
language sql immutable parallel safe as $$
    select a.centre, a.queue, a.state, a.network, a.space, a.first_message_at, a.first_response_at, a.sla_due_at,
           a.closed_at, a.sentiment_delta, a.restated, 1
    from unnest(added) a
    union all
    select r.centre, r.queue, r.state, r.network, r.space, r.first_message_at, r.first_response_at, r.sla_due_at,
           r.closed_at, r.sentiment_delta, r.restated, -1
    from unnest(removed) r
$$;

-- Each conversation's contributions to the day and hour sums, at the time they count (its first response, its
-- closing), signed: the view conversation_sums (V15) of a statement's rows.
create function conversation_sums_of(added conversation_fact[], removed conversation_fact[])
returns table (at timestamptz, centre varchar, responded integer, with_sla integer, met_sla integer, closed integer,
               delta_sum numeric, delta_count integer, restated integer)
language sql immutable parallel safe as $$
    select x.first_response_at, coalesce(x.centre, ''), x.s, case when x.sla_due_at is not null then x.s else 0 end,
           case when x.first_response_at <= x.sla_due_at then x.s else 0 end, 0, 0::numeric, 0, 0
    from conversation_fact_signed(added, removed) x
    where x.first_response_at is not null and x.first_message_at is not null
    union all
    select x.closed_at, coalesce(x.centre, ''), 0, 0, 0, x.s, coalesce(x.s * x.sentiment_delta::numeric, 0),
           case when x.sentiment_delta is not null then x.s else 0 end, case when x.restated then x.s else 0 end
    from conversation_fact_signed(added, removed) x
    where x.closed_at is not null
$$;

-- Each conversation's durations in their histogram bucket, at the time they count, under its centre and under '*'
-- (every centre), signed: the view conversation_durations (V15) of a statement's rows.
create function conversation_durations_of(added conversation_fact[], removed conversation_fact[])
returns table (kind varchar, at timestamptz, centre varchar, bucket integer, s integer)
language sql immutable parallel safe as $$
    select d.kind, d.at, k.centre, d.bucket, d.s
    from (select 'first_response'::varchar kind, x.first_response_at at, coalesce(x.centre, '') centre,
                 duration_bucket(extract(epoch from x.first_response_at - x.first_message_at)) bucket, x.s
          from conversation_fact_signed(added, removed) x
          where x.first_response_at is not null and x.first_message_at is not null
          union all
          select 'resolution', x.closed_at, coalesce(x.centre, ''),
                 duration_bucket(extract(epoch from x.closed_at - x.first_message_at)), x.s
          from conversation_fact_signed(added, removed) x
          where x.closed_at is not null and x.first_message_at is not null) d
    cross join lateral (select d.centre union select '*') k(centre)
$$;

-- Applies one statement's conversations to every rollup, each rollup row once, tables in a fixed order and rows in
-- key order (two writers lock the rows they share in the same order).
create function conversation_fact_rollups_add(added conversation_fact[], removed conversation_fact[]) returns void
language plpgsql as $$
begin
    if cardinality(added) + cardinality(removed) = 0 then
        return;
    end if;

    -- V12: conversations waiting for a first response per centre and queue.
    insert into backlog_count as b (centre, queue, waiting)
    select x.centre, coalesce(x.queue, ''), sum(x.s)
    from conversation_fact_signed(added, removed) x
    where x.first_response_at is null and x.state in ('new', 'queued', 'assigned') and x.centre is not null
    group by 1, 2
    having sum(x.s) <> 0
    order by 1, 2
    on conflict (centre, queue) do update set waiting = b.waiting + excluded.waiting;

    -- V11, V15: the sums per day and per hour.
    insert into conversation_day as r (day, centre, responded, with_sla, met_sla, closed, delta_sum, delta_count, restated)
    select date_trunc('day', d.at, 'UTC'), d.centre, sum(d.responded), sum(d.with_sla), sum(d.met_sla), sum(d.closed),
           sum(d.delta_sum), sum(d.delta_count), sum(d.restated)
    from conversation_sums_of(added, removed) d
    group by 1, 2
    having sum(d.responded) <> 0 or sum(d.with_sla) <> 0 or sum(d.met_sla) <> 0 or sum(d.closed) <> 0
        or sum(d.delta_sum) <> 0 or sum(d.delta_count) <> 0 or sum(d.restated) <> 0
    order by 1, 2
    on conflict (day, centre) do update set responded = r.responded + excluded.responded,
        with_sla = r.with_sla + excluded.with_sla, met_sla = r.met_sla + excluded.met_sla,
        closed = r.closed + excluded.closed, delta_sum = r.delta_sum + excluded.delta_sum,
        delta_count = r.delta_count + excluded.delta_count, restated = r.restated + excluded.restated;
    insert into conversation_hour as r (hour, centre, responded, with_sla, met_sla, closed, delta_sum, delta_count, restated)
    select date_trunc('hour', d.at, 'UTC'), d.centre, sum(d.responded), sum(d.with_sla), sum(d.met_sla), sum(d.closed),
           sum(d.delta_sum), sum(d.delta_count), sum(d.restated)
    from conversation_sums_of(added, removed) d
    group by 1, 2
    having sum(d.responded) <> 0 or sum(d.with_sla) <> 0 or sum(d.met_sla) <> 0 or sum(d.closed) <> 0
        or sum(d.delta_sum) <> 0 or sum(d.delta_count) <> 0 or sum(d.restated) <> 0
    order by 1, 2
    on conflict (hour, centre) do update set responded = r.responded + excluded.responded,
        with_sla = r.with_sla + excluded.with_sla, met_sla = r.met_sla + excluded.met_sla,
        closed = r.closed + excluded.closed, delta_sum = r.delta_sum + excluded.delta_sum,
        delta_count = r.delta_count + excluded.delta_count, restated = r.restated + excluded.restated;

    -- V11, V15: the histograms of first response and resolution times per day and per hour.
    insert into conversation_time_day as t (kind, day, centre, bucket, conversations)
    select d.kind, date_trunc('day', d.at, 'UTC'), d.centre, d.bucket, sum(d.s)
    from conversation_durations_of(added, removed) d
    group by 1, 2, 3, 4
    having sum(d.s) <> 0
    order by 1, 2, 3, 4
    on conflict (kind, day, centre, bucket) do update set conversations = t.conversations + excluded.conversations;
    insert into conversation_time_hour as t (kind, hour, centre, bucket, conversations)
    select d.kind, date_trunc('hour', d.at, 'UTC'), d.centre, d.bucket, sum(d.s)
    from conversation_durations_of(added, removed) d
    group by 1, 2, 3, 4
    having sum(d.s) <> 0
    order by 1, 2, 3, 4
    on conflict (kind, hour, centre, bucket) do update set conversations = t.conversations + excluded.conversations;

    -- V19: each space's conversations per day and hour of their first message (how many, how many unanswered).
    insert into space_conversation_day as r (day, space, network, conversations, unanswered)
    select date_trunc('day', x.first_message_at, 'UTC'), x.space, min(x.network), sum(x.s),
           sum(case when x.first_response_at is null and coalesce(x.state, '') not in ('closed', 'resolved') then x.s else 0 end)
    from conversation_fact_signed(added, removed) x
    where x.space is not null and x.first_message_at is not null
    group by 1, 2
    having sum(x.s) <> 0
        or sum(case when x.first_response_at is null and coalesce(x.state, '') not in ('closed', 'resolved') then x.s else 0 end) <> 0
    order by 1, 2
    on conflict (day, space) do update set conversations = r.conversations + excluded.conversations,
        unanswered = r.unanswered + excluded.unanswered, network = least(r.network, excluded.network);
    insert into space_conversation_hour as r (hour, space, network, conversations, unanswered)
    select date_trunc('hour', x.first_message_at, 'UTC'), x.space, min(x.network), sum(x.s),
           sum(case when x.first_response_at is null and coalesce(x.state, '') not in ('closed', 'resolved') then x.s else 0 end)
    from conversation_fact_signed(added, removed) x
    where x.space is not null and x.first_message_at is not null
    group by 1, 2
    having sum(x.s) <> 0
        or sum(case when x.first_response_at is null and coalesce(x.state, '') not in ('closed', 'resolved') then x.s else 0 end) <> 0
    order by 1, 2
    on conflict (hour, space) do update set conversations = r.conversations + excluded.conversations,
        unanswered = r.unanswered + excluded.unanswered, network = least(r.network, excluded.network);

    -- V19: the histograms of each space's first response times, per day, span of days, hour and span of hours of the
    -- first message.
    insert into space_response_day as t (day, space, bucket, conversations)
    select date_trunc('day', x.first_message_at, 'UTC'), x.space,
           duration_bucket(extract(epoch from x.first_response_at - x.first_message_at)), sum(x.s)
    from conversation_fact_signed(added, removed) x
    where x.space is not null and x.first_message_at is not null and x.first_response_at is not null
    group by 1, 2, 3
    having sum(x.s) <> 0
    order by 1, 2, 3
    on conflict (day, space, bucket) do update set conversations = t.conversations + excluded.conversations;
    insert into space_response_span as t (days, start, space, bucket, conversations)
    select k, term_span_start(date_trunc('day', x.first_message_at, 'UTC'), k), x.space,
           duration_bucket(extract(epoch from x.first_response_at - x.first_message_at)), sum(x.s)
    from conversation_fact_signed(added, removed) x cross join unnest(array[4, 16, 64]) k
    where x.space is not null and x.first_message_at is not null and x.first_response_at is not null
    group by 1, 2, 3, 4
    having sum(x.s) <> 0
    order by 1, 2, 3, 4
    on conflict (days, start, space, bucket) do update set conversations = t.conversations + excluded.conversations;
    insert into space_response_hour as t (hour, space, bucket, conversations)
    select date_trunc('hour', x.first_message_at, 'UTC'), x.space,
           duration_bucket(extract(epoch from x.first_response_at - x.first_message_at)), sum(x.s)
    from conversation_fact_signed(added, removed) x
    where x.space is not null and x.first_message_at is not null and x.first_response_at is not null
    group by 1, 2, 3
    having sum(x.s) <> 0
    order by 1, 2, 3
    on conflict (hour, space, bucket) do update set conversations = t.conversations + excluded.conversations;
    insert into space_response_hour_span as t (hours, start, space, bucket, conversations)
    select k, term_hour_span_start(date_trunc('hour', x.first_message_at, 'UTC'), k), x.space,
           duration_bucket(extract(epoch from x.first_response_at - x.first_message_at)), sum(x.s)
    from conversation_fact_signed(added, removed) x cross join unnest(array[4, 12]) k
    where x.space is not null and x.first_message_at is not null and x.first_response_at is not null
    group by 1, 2, 3, 4
    having sum(x.s) <> 0
    order by 1, 2, 3, 4
    on conflict (hours, start, space, bucket) do update set conversations = t.conversations + excluded.conversations;
end
$$;

create function conversation_fact_inserted() returns trigger language plpgsql as $$
begin
    perform conversation_fact_rollups_add(array(select row(n.*)::conversation_fact from new_rows n), '{}');
    return null;
end
$$;

create function conversation_fact_updated() returns trigger language plpgsql as $$
begin
    perform conversation_fact_rollups_add(array(select row(n.*)::conversation_fact from new_rows n),
                                          array(select row(o.*)::conversation_fact from old_rows o));
    return null;
end
$$;

create function conversation_fact_deleted() returns trigger language plpgsql as $$
begin
    perform conversation_fact_rollups_add('{}', array(select row(o.*)::conversation_fact from old_rows o));
    return null;
end
$$;

drop trigger backlog_count_rollup on conversation_fact;
drop trigger backlog_count_rollup_update on conversation_fact;
drop trigger conversation_day_rollup on conversation_fact;
drop trigger conversation_day_rollup_update on conversation_fact;
drop trigger space_conversation_rollup on conversation_fact;
drop trigger space_conversation_rollup_update on conversation_fact;
drop function backlog_count_rollup();
drop function conversation_day_rollup();
drop function conversation_day_apply(conversation_fact, integer);
drop function space_conversation_rollup();
drop function space_conversation_apply(conversation_fact, integer);

-- A transition table serves one event only: three triggers. Statement triggers fire for zero rows too (an upsert
-- fires both its insert and its update trigger); the function returns at once then.
create trigger conversation_fact_inserted after insert on conversation_fact referencing new table as new_rows
    for each statement execute function conversation_fact_inserted();
create trigger conversation_fact_updated after update on conversation_fact
    referencing old table as old_rows new table as new_rows
    for each statement execute function conversation_fact_updated();
create trigger conversation_fact_deleted after delete on conversation_fact referencing old table as old_rows
    for each statement execute function conversation_fact_deleted();
