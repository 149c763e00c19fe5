-- Conversations waiting for a first response per centre and queue ('' for none), kept as a counter (ADR 0111):
-- over 2 million stored mentions the report counted the 240,000 waiting conversations at every request (0.2-0.8 s
-- by EXPLAIN ANALYZE, whatever the period). The oldest waiting message of a counter row is read from the partial
-- index conversation_fact_waiting (V8), its first entry for that centre and queue.
create table backlog_count (
    centre   varchar(64)  not null,
    queue    varchar(64)  not null,
    waiting  bigint       not null,
    primary key (centre, queue)
);

-- The same condition as the backlog query and the index: no first response, an open state, a centre.
create function backlog_count_rollup() returns trigger language plpgsql as $$
begin
    if tg_op <> 'INSERT' and old.first_response_at is null and old.state in ('new', 'queued', 'assigned')
            and old.centre is not null then
        insert into backlog_count as b (centre, queue, waiting) values (old.centre, coalesce(old.queue, ''), -1)
        on conflict (centre, queue) do update set waiting = b.waiting + excluded.waiting;
    end if;
    if tg_op <> 'DELETE' and new.first_response_at is null and new.state in ('new', 'queued', 'assigned')
            and new.centre is not null then
        insert into backlog_count as b (centre, queue, waiting) values (new.centre, coalesce(new.queue, ''), 1)
        on conflict (centre, queue) do update set waiting = b.waiting + excluded.waiting;
    end if;
    return null;
end
$$;

create trigger backlog_count_rollup after insert or delete on conversation_fact
    for each row execute function backlog_count_rollup();
create trigger backlog_count_rollup_update after update on conversation_fact
    for each row when ((old.centre, coalesce(old.queue, ''), old.state, old.first_response_at is null)
                       is distinct from (new.centre, coalesce(new.queue, ''), new.state, new.first_response_at is null))
    execute function backlog_count_rollup();

-- The conversations already waiting (read from the partial index).
insert into backlog_count (centre, queue, waiting)
select centre, coalesce(queue, ''), count(*) from conversation_fact
where first_response_at is null and state in ('new', 'queued', 'assigned') and centre is not null
group by 1, 2;
