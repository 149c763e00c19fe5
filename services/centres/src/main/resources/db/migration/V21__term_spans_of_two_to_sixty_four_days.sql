-- Term spans of 2, 8 and 32 days beside those of 4, 16 and 64 (ADRs 0121, 0123): rising terms are the largest query of
-- a report over a long period, and every span or single day they read is one row per term (about 3,000 in the bench).
-- With every power of two from 2 to 64, the whole days of 90 days ending at 16:37 and of the previous 90 are 12 blocks
-- instead of 19: about a third fewer term rows (rising terms alone 34-38 ms -> 24-32 ms, serial, same sums). Each
-- term and day written now updates six spans instead of three.
create or replace function term_span_add(deltas term_day[]) returns void language sql as $$
    insert into term_span as s (days, start, term, mentions)
    select k, term_span_start(d.day, k), d.term, sum(d.mentions) from unnest(deltas) d
    cross join unnest(array[2, 4, 8, 16, 32, 64]) k
    group by 1, 2, 3
    order by 1, 2, 3
    on conflict (days, start, term) do update set mentions = s.mentions + excluded.mentions
$$;

-- The days already counted, to the new spans.
insert into term_span (days, start, term, mentions)
select k, term_span_start(day, k), term, sum(mentions) from term_day cross join unnest(array[2, 8, 32]) k
group by 1, 2, 3;
