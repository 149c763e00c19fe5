-- Term days and hour spans are written for the hours that have ended (ADR 0138), as the term spans are for the days
-- that have ended (V25, ADR 0133). Every poll of live traffic upserts the current hour's term rows, and their
-- statement triggers added each of them to its day (term_day) and to its spans of 4 and 12 hours (term_hour_span):
-- in the bench's latency phase of 2026-12-07 (500 mentions/s, pg_stat_statements) 144,000 rollup rows for 15,000
-- mentions, 9.0 of the centres database's 28.7 s of statement time. A report reads the open hour from term_bucket's
-- hour rows (or its minutes) anyway, so the rollups can wait for the hour to end.
--
-- term_day and term_hour_span hold the hour rows of term_bucket before term_hour_sealed.sealed_until. The triggers
-- add the hours before it as before (late mentions of an ended hour); term_hours_seal(up_to) adds the hours from
-- sealed_until to up_to from term_bucket and moves it. A writer takes a shared advisory lock before it reads
-- sealed_until, the sealer an exclusive one, so an hour is added either by a writer or by the sealer, never by both or
-- neither. Reports read term_day and the hour spans only before sealed_until.

create table term_hour_sealed (
    only_row      boolean      primary key default true check (only_row),
    sealed_until  timestamptz  not null
);

-- Every hour stored so far is in the rollups already; an empty database starts at the current hour.
insert into term_hour_sealed (sealed_until)
select greatest(coalesce(max(bucket) + interval '1 hour', date_trunc('hour', now())), date_trunc('hour', now()))
from term_bucket where granularity = 'hour';

-- The end of the sealed hours, read under the shared lock (held to the end of the writer's transaction).
create function term_hour_sealed_until() returns timestamptz language plpgsql as $$
begin
    perform pg_advisory_xact_lock_shared(743100138);
    return (select sealed_until from term_hour_sealed);
end
$$;

create or replace function term_rollups_inserted() returns trigger language plpgsql as $$
declare
    sealed timestamptz := term_hour_sealed_until();
    deltas term_bucket[] := array(select row(n.*)::term_bucket from new_rows n
                                  where n.granularity = 'hour' and n.bucket < sealed);
begin
    if cardinality(deltas) > 0 then
        perform term_day_add(deltas);
        perform term_hour_span_add(deltas);
    end if;
    return null;
end
$$;

create or replace function term_rollups_updated() returns trigger language plpgsql as $$
declare
    sealed timestamptz := term_hour_sealed_until();
    deltas term_bucket[] := array(
        select row(d.granularity, d.bucket, d.term, sum(d.mentions))::term_bucket
        from (select granularity, bucket, term, mentions from new_rows where granularity = 'hour' and bucket < sealed
              union all
              select granularity, bucket, term, -mentions from old_rows where granularity = 'hour' and bucket < sealed) d
        group by d.granularity, d.bucket, d.term);
begin
    if cardinality(deltas) > 0 then
        perform term_day_add(deltas);
        perform term_hour_span_add(deltas);
    end if;
    return null;
end
$$;

-- Adds the hour rows from sealed_until to up_to (exclusive) to their days and hour spans and moves sealed_until there;
-- answers the new sealed_until (unchanged when up_to is not after it). A call with nothing to seal answers without the
-- lock (sealed_until only grows, as V26); one with work waits for the writers in flight, and they for it.
create function term_hours_seal(up_to timestamptz) returns timestamptz language plpgsql as $$
declare
    sealed timestamptz := (select sealed_until from term_hour_sealed);
    deltas term_bucket[];
begin
    if up_to <= sealed then
        return sealed;
    end if;
    perform pg_advisory_xact_lock(743100138);
    select sealed_until into sealed from term_hour_sealed;
    if up_to <= sealed then
        return sealed;
    end if;
    deltas := array(select row(b.*)::term_bucket from term_bucket b
                    where b.granularity = 'hour' and b.bucket >= sealed and b.bucket < up_to);
    perform term_day_add(deltas);
    perform term_hour_span_add(deltas);
    update term_hour_sealed set sealed_until = up_to;
    return up_to;
end
$$;
