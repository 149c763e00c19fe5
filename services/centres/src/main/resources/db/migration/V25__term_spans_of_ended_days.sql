-- Term spans are written for the days that have ended (ADR 0133). Each term and day updates six spans (2 to 64 days,
-- V21); with live traffic every mention updates today's term rows, and in the bench's latency phase of 2026-12-07 06:35
-- UTC those span upserts were 264,000 rows and 10.2 of the centres database's 30 s of statement time. A report never
-- reads a span that holds today (a period that ends now reads today by hours), so today's spans can wait for its end.
--
-- term_span holds the term days before sealed_until. The triggers add the days before it as before (late mentions of
-- an ended day); term_spans_seal(up_to) adds the days from sealed_until to up_to from term_day and moves it. A writer
-- takes a shared advisory lock before it reads sealed_until, the sealer an exclusive one, so a day is added either by
-- a writer or by the sealer, never by both or neither. Reports tile with spans only up to sealed_until.

create table term_span_sealed (
    only_row      boolean      primary key default true check (only_row),
    sealed_until  timestamptz  not null
);

-- Every day stored so far is in term_span already; an empty database starts at today.
insert into term_span_sealed (sealed_until)
select coalesce(max(day) + interval '1 day', date_trunc('day', now(), 'UTC')) from term_day;

-- The end of the sealed days, read under the shared lock (held to the end of the writer's transaction).
create function term_span_sealed_until() returns timestamptz language plpgsql as $$
begin
    perform pg_advisory_xact_lock_shared(743100133);
    return (select sealed_until from term_span_sealed);
end
$$;

create or replace function term_span_inserted() returns trigger language plpgsql as $$
declare
    sealed timestamptz := term_span_sealed_until();
begin
    perform term_span_add(array(select row(n.*)::term_day from new_rows n where n.day < sealed));
    return null;
end
$$;

create or replace function term_span_updated() returns trigger language plpgsql as $$
declare
    sealed timestamptz := term_span_sealed_until();
begin
    perform term_span_add(array(
        select row(d.day, d.term, sum(d.mentions))::term_day
        from (select day, term, mentions from new_rows where day < sealed
              union all
              select day, term, -mentions from old_rows where day < sealed) d
        group by d.day, d.term));
    return null;
end
$$;

-- Adds the term days from sealed_until to up_to (exclusive) to their spans and moves sealed_until there; answers the
-- new sealed_until (unchanged when up_to is not after it). Waits for the writers in flight, and they for it.
create function term_spans_seal(up_to timestamptz) returns timestamptz language plpgsql as $$
declare
    sealed timestamptz;
begin
    perform pg_advisory_xact_lock(743100133);
    select sealed_until into sealed from term_span_sealed;
    if up_to <= sealed then
        return sealed;
    end if;
    perform term_span_add(array(select row(d.*)::term_day from term_day d where d.day >= sealed and d.day < up_to));
    update term_span_sealed set sealed_until = up_to;
    return up_to;
end
$$;
