-- term_spans_seal (V25) took the exclusive advisory lock before it looked at sealed_until, so every call waited for
-- the writers in flight and held the next ones behind it, even when there was nothing to seal: every replica calls it
-- every 5 minutes and there is something to seal once a day. sealed_until only grows, so a call whose day is already
-- sealed can answer without the lock; one that has work takes it and reads sealed_until again under it.
create or replace function term_spans_seal(up_to timestamptz) returns timestamptz language plpgsql as $$
declare
    sealed timestamptz := (select sealed_until from term_span_sealed);
begin
    if up_to <= sealed then
        return sealed;
    end if;
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
